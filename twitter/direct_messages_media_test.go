package twitter

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestCopyFileRefusesDocumentsAndShortBodies(t *testing.T) {
	res := func(ct string, length int64, body string) *http.Response {
		return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {ct}}, ContentLength: length, Body: io.NopCloser(strings.NewReader(body))}
	}
	var w bytes.Buffer
	n, err := copyFile(&w, res("text/html; charset=utf-8", -1, "<html>captive portal</html>"))
	if !errors.Is(err, errNotAFile) || n != 0 || w.Len() != 0 || !strings.Contains(err.Error(), "captive portal") {
		t.Errorf("html page: n %d, wrote %d, err %v", n, w.Len(), err)
	}
	n, err = copyFile(&w, res("application/octet-stream", 10, "abcd"))
	if !errors.Is(err, io.ErrUnexpectedEOF) || n != 4 || !strings.Contains(err.Error(), "4 of 10 bytes") {
		t.Errorf("short body: n %d, err %v", n, err)
	}
	w.Reset()
	n, err = copyFile(&w, res("image/jpeg", -1, "abcdef"))
	if err != nil || n != 6 || w.String() != "abcdef" {
		t.Errorf("no length: n %d, err %v", n, err)
	}
}
