package yamlparser

import (
	yaml "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/token"
)

// errSyntax returns goccy/go-yaml's own syntax error, so callers handle the
// fork's errors exactly as the original parser's.
func errSyntax(msg string, tk *token.Token) *yaml.SyntaxError {
	return &yaml.SyntaxError{Message: msg, Token: tk}
}
