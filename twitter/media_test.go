package twitter

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

const mediaID = "1880028106020515840"

func TestMediaRequestsAndResults(t *testing.T) {
	runExchanges(t, []exchange{{
		name: "Initialize",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Media.Initialize(ctx, gen.MediaUploadConfigRequest{
				MediaType:        gen.MediaUploadConfigRequestMediaTypeVideoMp4,
				TotalBytes:       1048576,
				MediaCategory:    gen.MediaCategoryAmplifyVideo,
				AdditionalOwners: []string{"2244994945"},
				Shared:           false,
			}))
		},
		want: wire{method: "POST", path: "/2/media/upload/initialize",
			body: `{"media_type":"video/mp4","total_bytes":1048576,"media_category":"amplify_video","additional_owners":["2244994945"]}`},
		reply: `{"data":{"id":"1880028106020515840","media_key":"13_1880028106020515840","expires_after_secs":1295999}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.MediaUploadResponse](t, out)
			if r.Data.ID != mediaID || r.Data.MediaKey != "13_"+mediaID || r.Data.ExpiresAfterSecs != 1295999 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Initialize refused",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Media.Initialize(ctx, gen.MediaUploadConfigRequest{MediaType: gen.MediaUploadConfigRequestMediaTypeImagePng, TotalBytes: 6 << 20}))
		},
		want:    wire{method: "POST", path: "/2/media/upload/initialize", body: `{"media_type":"image/png","total_bytes":6291456}`},
		status:  400,
		reply:   `{"errors":[{"parameters":{"total_bytes":["6291456"]},"message":"File size exceeds 5242880 bytes."}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}`,
		wantErr: true,
		check: func(t *testing.T, out any, _ *Response, err error) {
			if !IsInvalidRequest(err) || out != nil {
				t.Errorf("out = %v, err = %v", out, err)
			}
		},
	}, {
		name: "Finalize a video",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Media.Finalize(ctx, mediaID))
		},
		want:  wire{method: "POST", path: "/2/media/upload/" + mediaID + "/finalize"},
		reply: `{"data":{"id":"1880028106020515840","media_key":"13_1880028106020515840","size":1048576,"expires_after_secs":86400,"processing_info":{"state":"pending","check_after_secs":1}}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.MediaUploadResponse](t, out)
			if p := r.Data.ProcessingInfo; p.State != gen.ProcessingInfoStatePending || p.CheckAfterSecs != 1 || r.Data.Size != 1048576 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Status",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Media.Status(ctx, mediaID))
		},
		want:  wire{method: "GET", path: "/2/media/upload", query: "media_id=" + mediaID + "&command=STATUS"},
		reply: `{"data":{"id":"1880028106020515840","media_key":"13_1880028106020515840","processing_info":{"state":"in_progress","check_after_secs":10,"progress_percent":8}}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.MediaUploadResponse](t, out)
			if p := r.Data.ProcessingInfo; p.State != gen.ProcessingInfoStateInProgress || p.ProgressPercent != 8 || p.CheckAfterSecs != 10 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Status of an unknown upload",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Media.Status(ctx, "1"))
		},
		want:    wire{method: "GET", path: "/2/media/upload", query: "media_id=1&command=STATUS"},
		status:  404,
		reply:   `{"title":"Not Found Error","detail":"Could not find media with id: [1].","type":"https://api.twitter.com/2/problems/resource-not-found","resource_type":"media","resource_id":"1","parameter":"media_id","value":"1"}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsNotFound(err) {
				t.Errorf("err = %v", err)
			}
		},
	}})
}

// appendRequest is what the server read from a multipart append.
type appendRequest struct {
	path, segment, filename string
	media                   []byte
	fields                  []string
}

// readAppend parses a multipart append, failing the test when it is not one.
func readAppend(t *testing.T, r *http.Request) appendRequest {
	t.Helper()
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("Content-Type = %q, want multipart/form-data", r.Header.Get("Content-Type"))
	}
	got := appendRequest{path: r.URL.Path}
	mr := multipart.NewReader(r.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return got
		}
		if err != nil {
			t.Fatalf("reading the form: %v", err)
		}
		b, err := io.ReadAll(p)
		if err != nil {
			t.Fatal(err)
		}
		got.fields = append(got.fields, p.FormName())
		switch p.FormName() {
		case "segment_index":
			got.segment = string(b)
		case "media":
			got.media, got.filename = b, p.FileName()
		}
	}
}

func TestMediaAppendSendsAMultipartForm(t *testing.T) {
	var got appendRequest
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			t.Errorf("method = %s", r.Method)
		}
		got = readAppend(t, r)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"data":{"expires_at":1732755600}}`)
	})
	chunk := []byte("\x00\x00\x00\x18ftypmp42\xff\xfe binary, not text")
	res, _, err := c.Media.Append(context.Background(), mediaID, 7, chunk)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ExpiresAt != 1732755600 {
		t.Errorf("result = %s", asJSON(t, res))
	}
	if got.path != "/2/media/upload/"+mediaID+"/append" || got.segment != "7" || !bytes.Equal(got.media, chunk) || got.filename == "" ||
		strings.Join(got.fields, ",") != "segment_index,media" {
		t.Errorf("request = %+v", got)
	}
}

func TestMediaAppendIsResentWholeWhenRetried(t *testing.T) {
	var bodies [][]byte
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		got := readAppend(t, r)
		bodies = append(bodies, got.media)
		if len(bodies) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, `{"data":{"expires_at":1732755600}}`)
	}, WithRetryMutations())
	if _, resp, err := c.Media.Append(context.Background(), mediaID, 0, []byte("abcdef")); err != nil || resp.Attempts != 2 {
		t.Fatalf("err = %v, resp = %+v", err, resp)
	}
	if len(bodies) != 2 || string(bodies[0]) != "abcdef" || string(bodies[1]) != "abcdef" {
		t.Errorf("bodies = %q", bodies)
	}
}

func TestMediaMutationsAreNotRetriedByDefault(t *testing.T) {
	for _, tc := range []struct {
		name string
		call func(c *Client) error
	}{
		{"Initialize", func(c *Client) error {
			_, _, err := c.Media.Initialize(context.Background(), gen.MediaUploadConfigRequest{MediaType: gen.MediaUploadConfigRequestMediaTypeImagePng, TotalBytes: 10})
			return err
		}},
		{"Append", func(c *Client) error {
			_, _, err := c.Media.Append(context.Background(), mediaID, 0, []byte("x"))
			return err
		}},
		{"Finalize", func(c *Client) error { _, _, err := c.Media.Finalize(context.Background(), mediaID); return err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits := 0
			c := setup(t, func(w http.ResponseWriter, r *http.Request) {
				hits++
				w.WriteHeader(http.StatusServiceUnavailable)
			})
			if err := tc.call(c); err == nil || hits != 1 {
				t.Errorf("err = %v after %d requests, want an error after 1", err, hits)
			}
		})
	}
}

func TestMediaRejectsBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	png := gen.MediaUploadConfigRequestMediaTypeImagePng
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"Initialize no size", func() error {
			_, _, err := c.Media.Initialize(ctx, gen.MediaUploadConfigRequest{MediaType: png})
			return err
		}, "Media.Initialize: invalid argument: TotalBytes is required"},
		{"Initialize negative size", func() error {
			_, _, err := c.Media.Initialize(ctx, gen.MediaUploadConfigRequest{MediaType: png, TotalBytes: -1})
			return err
		}, "TotalBytes -1 out of range [1, 17179869184]"},
		{"Initialize no type", func() error {
			_, _, err := c.Media.Initialize(ctx, gen.MediaUploadConfigRequest{TotalBytes: 10})
			return err
		}, "MediaType is required"},
		{"Initialize bad type", func() error {
			_, _, err := c.Media.Initialize(ctx, gen.MediaUploadConfigRequest{TotalBytes: 10, MediaType: gen.MediaUploadConfigRequestMediaType("application/pdf")})
			return err
		}, `MediaType "application/pdf" is not one of video/mp4, video/webm,`},
		{"Initialize bad category", func() error {
			_, _, err := c.Media.Initialize(ctx, gen.MediaUploadConfigRequest{TotalBytes: 10, MediaType: png, MediaCategory: gen.MediaCategory("profile_image")})
			return err
		}, `MediaCategory "profile_image" is not one of amplify_video, tweet_gif, tweet_image, tweet_video, dm_gif, dm_image, dm_video, subtitles`},
		{"Initialize bad owner", func() error {
			_, _, err := c.Media.Initialize(ctx, gen.MediaUploadConfigRequest{TotalBytes: 10, MediaType: png, AdditionalOwners: []string{"12", "jack"}})
			return err
		}, `additional owner user id "jack" is malformed`},
		{"Initialize too many owners", func() error {
			owners := make([]string, 101)
			for i := range owners {
				owners[i] = "12"
			}
			_, _, err := c.Media.Initialize(ctx, gen.MediaUploadConfigRequest{TotalBytes: 10, MediaType: png, AdditionalOwners: owners})
			return err
		}, "101 additional owners; X takes at most 100"},
		{"Append id", func() error { _, _, err := c.Media.Append(ctx, "7_1", 0, []byte("x")); return err }, `Media.Append: invalid argument: media id "7_1" is malformed`},
		{"Append segment", func() error { _, _, err := c.Media.Append(ctx, mediaID, 1000, []byte("x")); return err }, "segment 1000 out of range [0, 999]"},
		{"Append negative segment", func() error { _, _, err := c.Media.Append(ctx, mediaID, -1, []byte("x")); return err }, "segment -1 out of range"},
		{"Append empty", func() error { _, _, err := c.Media.Append(ctx, mediaID, 0, nil); return err }, "chunk of 0 bytes; a segment is 1 to 5242880 bytes"},
		{"Append too big", func() error { _, _, err := c.Media.Append(ctx, mediaID, 0, make([]byte, 5<<20+1)); return err }, "chunk of 5242881 bytes"},
		{"Finalize", func() error { _, _, err := c.Media.Finalize(ctx, ""); return err }, "Media.Finalize: invalid argument: empty media id"},
		{"Status", func() error { _, _, err := c.Media.Status(ctx, "x"); return err }, "Media.Status: invalid argument"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}
