package usstates

import (
	"embed"
	"io/fs"
)

// The pack's message catalogue (messages/*.yaml): every sentence of the US
// state notice, in English (en.yaml).
//
//go:embed messages/*.yaml
var messagesFS embed.FS

// MessageData implements jurisdiction.MessageHolder: the folder "messages"
// of the returned file system.
func (*Pack) MessageData() fs.FS { return messagesFS }
