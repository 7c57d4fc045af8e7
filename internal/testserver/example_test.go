package testserver_test

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/twitterkit/go/internal/testserver"
)

func ExampleNew() {
	s, err := testserver.New()
	if err != nil {
		panic(err)
	}
	defer s.Close()
	req, _ := http.NewRequest("GET", s.URL()+"/2/users/by/username/jack?user.fields=public_metrics", nil)
	req.Header.Set("Authorization", "Bearer "+s.AppBearerToken())
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	res, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		panic(err)
	}
	defer res.Body.Close()
	var body struct {
		Data struct {
			ID            string
			Username      string
			PublicMetrics struct {
				FollowersCount int `json:"followers_count"`
			} `json:"public_metrics"`
		}
	}
	_ = json.NewDecoder(res.Body).Decode(&body)
	fmt.Println(res.StatusCode, body.Data.ID, body.Data.Username, body.Data.PublicMetrics.FollowersCount)
	fmt.Println(len(s.Violations()), "violations")
	// Output:
	// 200 12 jack 2500
	// 0 violations
}

func Example_seededIDs() {
	fmt.Println(testserver.JackID, testserver.JackPinnedTweetID != "", testserver.MediaTweetID != "")
	// Output: 12 true true
}
