package twitter

import "github.com/twitterkit/go/gen"

// optional returns a pointer to s, or nil when s is empty, as the generated parameter
// structs want for optional list parameters.
func optional[T any](s []T) *[]T {
	if len(s) == 0 {
		return nil
	}
	return &s
}

// UserOptions selects the fields and expansions a user lookup returns.
type UserOptions struct {
	UserFields  []gen.UserField
	Expansions  []gen.UserExpansion
	TweetFields []gen.TweetField // fields of the pinned tweet, when expanded
}
