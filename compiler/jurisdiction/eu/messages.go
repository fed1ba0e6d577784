package eu

import (
	"embed"
	"io/fs"
)

// The pack's message catalogue (messages/*.yaml): every sentence of the
// European supplement, in English (en.yaml) and in its translations.
//
//go:embed messages/*.yaml
var messagesFS embed.FS

// MessageData implements jurisdiction.MessageHolder: the folder "messages"
// of the returned file system.
func (*Pack) MessageData() fs.FS { return messagesFS }
