package jsonx_test

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx/jsonxtest"
)

// Number parsing is where fast decoders take shortcuts (their own float parsers). Many numbers,
// chosen to be hard, must round exactly as strconv does for float64 (gen.Position), float32
// (which Fast leaves to encoding/json), int, int32 and any, or fail in both decoders.
func TestNumbersAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	var nums []string
	digits := func(n int) string {
		var b strings.Builder
		b.WriteByte(byte('1' + r.IntN(9)))
		for range n - 1 {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	// Random mantissas and exponents, over and past the float64 and float32 ranges.
	for range 3000 {
		m := digits(1 + r.IntN(25))
		if r.IntN(3) == 0 {
			k := 1 + r.IntN(len(m))
			m = m[:k] + "." + m[k:] + "0"
		}
		nums = append(nums, m+"e"+strconv.Itoa(r.IntN(700)-350))
	}
	// Halfway points between neighbouring floats (the hardest roundings) and their neighbours.
	for range 1500 {
		f := math.Float64frombits(r.Uint64() &^ (1 << 63) % math.Float64bits(math.MaxFloat64))
		g := math.Nextafter(f, math.Inf(1))
		mid := new(big.Float).SetPrec(2000).Add(new(big.Float).SetFloat64(f), new(big.Float).SetFloat64(g))
		mid.Quo(mid, big.NewFloat(2))
		s := mid.Text('e', 60)
		nums = append(nums, s, strings.Replace(s, "e", "1e", 1), strings.Replace(s, "e", "00000000000000000000000000001e", 1))
		f32 := math.Float32frombits(r.Uint32() &^ (1 << 31) % math.Float32bits(math.MaxFloat32))
		g32 := math.Nextafter32(f32, float32(math.Inf(1)))
		mid32 := new(big.Float).SetPrec(500).Add(new(big.Float).SetFloat64(float64(f32)), new(big.Float).SetFloat64(float64(g32)))
		mid32.Quo(mid32, big.NewFloat(2))
		nums = append(nums, mid32.Text('e', 40), strconv.FormatFloat(float64(f32), 'g', -1, 32))
	}
	// Integers around the limits of int32 and int64.
	for _, base := range []int64{math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64, 0} {
		for d := int64(-3); d <= 3; d++ {
			nums = append(nums, strconv.FormatInt(base+d, 10))
		}
	}
	nums = append(nums, "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649",
		"1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
		"3.4028234663852886e38", "3.4028235677973366e38", "3.4028235677973367e38", "1e-45", "7e-46", "1.4e-45",
		"2.4703282292062328e-324", "2.4703282292062327e-324", "4.9406564584124654e-324", "0e999999999999", "0.000000000000000000000000000000000000000000000000000000000000000000000000000000001e-400")

	const chunk = 200
	for i := 0; i < len(nums); i += chunk {
		list := "[" + strings.Join(nums[i:min(i+chunk, len(nums))], ",") + "]"
		// One list at a time into each type (an error anywhere fails the whole list, so also
		// one number at a time into the narrow types, where out-of-range numbers are common).
		jsonxtest.Compare(t, []byte(list), func() any { return new([]float64) })
		jsonxtest.Compare(t, []byte(list), func() any { return new([]any) })
		jsonxtest.Compare(t, []byte(list), func() any { return new([]float32) })
		jsonxtest.Compare(t, []byte(`{"geo":{"bbox":`+list+`}}`), func() any { return new(gen.Place) })
	}
	for _, n := range nums {
		jsonxtest.Compare(t, []byte(`{"type":"Point","coordinates":[`+n+`]}`), func() any { return new(gen.Point) })
		jsonxtest.Compare(t, []byte(`{"bookmark_count":`+n+`,"like_count":`+n+`}`), func() any { return new(gen.TweetPublicMetrics) })
		jsonxtest.Compare(t, []byte(n), func() any { return new(float64) })
	}
}
