package twittertest_test

import (
	"context"
	"testing"
	"time"

	"github.com/twitterkit/go/twittertest"
)

// Connections lists the stream the client opened, as GET /2/connections does, and
// remembers it once closed.
func TestServerConnections(t *testing.T) {
	srv := twittertest.Start(t, twittertest.WithKeepAlive(time.Hour))
	c := twittertest.NewClient(t, srv)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := c.Stream.Sample(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.WaitStreamConnections(ctx, "streamSample", 1); err != nil {
		t.Fatal(err)
	}
	conns := srv.Connections()
	listed, _, err := c.Connections.List(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(conns) != 1 || conns[0].Endpoint != "sample_stream" || !conns[0].DisconnectedAt.IsZero() ||
		len(listed.Data) != 1 || listed.Data[0].ID != conns[0].ID {
		t.Fatalf("Connections = %+v; the client lists %+v", conns, listed.Data)
	}
	if _, _, err := c.Connections.CloseAll(ctx); err != nil {
		t.Fatal(err)
	}
	s.Close() // the client reconnects at once otherwise: a connection more
	var closed twittertest.Connection
	for _, cn := range srv.Connections() {
		if cn.ID == conns[0].ID {
			closed = cn
		}
	}
	if closed.DisconnectedAt.IsZero() || closed.Reason != twittertest.ReasonClosedByRequest {
		t.Errorf("after CloseAll: %+v", srv.Connections())
	}
}
