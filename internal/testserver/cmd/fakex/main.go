// Command fakex runs the fake X API of internal/testserver on a fixed address, so that
// people can point curl (or a client) at it:
//
//	go run ./internal/testserver/cmd/fakex -addr 127.0.0.1:8080
//
// It prints the base URL and credentials to use, and serves until interrupted.
// Contract violations are logged as they happen.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	keepAlive := flag.Duration("keepalive", 20*time.Second, "keep-alive interval of streams")
	flag.Parse()

	s, err := testserver.New(testserver.WithAddr(*addr), testserver.WithKeepAlive(*keepAlive))
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	o1 := s.OAuth1(testserver.AliceID)
	ck, cs := s.AppCredentials()
	cl := s.OAuth2Client()
	fmt.Printf(`fake X API listening on %[1]s

  base URL            %[1]s   (API under /2/)
  app bearer token    %[2]s
  user token (@alice) %[3]s
  OAuth 1.0a (@alice) consumer key %[4]s
                      consumer secret %[5]s
                      token %[6]s
                      token secret %[7]s
  app credentials     POST %[1]s/oauth2/token with Basic %[8]s:%[9]s
  OAuth 2.0 client    id %[10]s, redirect %[11]s
                      authorize %[12]s, token %[13]s

try:
  curl -H "Authorization: Bearer %[2]s" "%[1]s/2/users/by/username/jack?user.fields=public_metrics"
  curl -H "Authorization: Bearer %[2]s" "%[1]s/2/tweets/search/recent?query=gopher%%20has:media&expansions=attachments.media_keys"
  curl -N -H "Authorization: Bearer %[2]s" "%[1]s/2/tweets/sample/stream"
`, s.URL(), s.AppBearerToken(), s.UserToken(testserver.AliceID), o1.ConsumerKey, o1.ConsumerSecret, o1.Token, o1.TokenSecret,
		ck, cs, cl.ClientID, cl.RedirectURL, cl.AuthorizeURL, cl.TokenURL)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	seen := 0
	for {
		select {
		case <-sig:
			return
		case <-tick.C:
			v := s.Violations()
			for _, x := range v[seen:] {
				log.Print(x)
			}
			seen = len(v)
		}
	}
}
