// Package yamlscanner is goccy/go-yaml's scanner package (v1.19.2, MIT
// licence, see LICENSE) and its lexer's Tokenize, forked so that tokenizing
// allocates less: it builds the same tokens as the original (the parser
// fork's test compares the trees built from them with upstream's). Two
// changes, neither of which changes a token:
//
//   - a plain scalar that starts with an ASCII letter and is not a keyword
//     (null, true, false) becomes a string token at once (newToken); the
//     original's token.New tries to parse every plain scalar as a number,
//     allocating an error for each that is not one, a tenth of the memory
//     allocated to load a large data set.
//   - firstLineIndentColumnByOpt, called again and again while a block
//     scalar (> or |) is scanned, returns 0 for a header without an
//     indentation digit (>-, |) at once instead of asking strconv.ParseInt,
//     which fails on the empty text and allocates an error each time: 0 is
//     what it returned.
//
// To update: copy goccy/go-yaml's scanner/*.go (without tests) here, rename
// the package, replace the one token.New call in Context.bufferedToken with
// newToken, and apply the second change (marked "fork:").
package yamlscanner

import (
	"io"

	"github.com/goccy/go-yaml/token"
)

// Tokenize splits src into tokens, as goccy/go-yaml's lexer.Tokenize does.
func Tokenize(src string) token.Tokens {
	var s Scanner
	s.Init(src)
	var tokens token.Tokens
	for {
		subTokens, err := s.Scan()
		if err == io.EOF {
			break
		}
		tokens.Add(subTokens...)
	}
	return tokens
}

// newToken is token.New for a plain scalar: the same token, without trying
// to read as a number a value that cannot be one. token.New looks the value
// up among the keywords (null, Null, NULL, ~, true, True, TRUE, false,
// False, FALSE, .inf, .nan and their spellings), then tries to parse it as
// a number (token.ToNumber: after a sign, with underscores removed, by
// strconv.ParseFloat when it holds one dot, else strconv.ParseUint or
// ParseInt in base 10, or in base 2, 8 or 16 after a 0b, 0o, 0 or 0x
// prefix), and makes a string token of the rest. A value that starts with
// an ASCII letter is never a number: no base-10 or prefixed integer starts
// with a letter, nor does a float with one dot (ParseFloat's inf, infinity
// and nan have none).
func newToken(value, org string, pos *token.Position) *token.Token {
	if value != "" {
		if c := value[0] | 0x20; 'a' <= c && c <= 'z' { // an ASCII letter, lower-cased
			switch value {
			case "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE":
			default:
				return token.String(value, org, pos)
			}
		}
	}
	return token.New(value, org, pos)
}
