package server

import (
	"bufio"
	"bytes"
	"context"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
)

// maxMessage is the largest message body the server reads (a 10 MB
// document, JSON-escaped, fits many times over).
const maxMessage = 256 << 20

// errStreamClosed is returned by writes after Close.
var errStreamClosed = errors.New("stream closed")

// stream is the LSP base protocol (Content-Length framed JSON-RPC) over a
// reader and a writer. Unlike jsonrpc2.NewStream, whose first bad frame ends
// the connection, it survives bad input: a body that is not JSON is answered
// with a ParseError, one that is JSON but not a JSON-RPC message with an
// InvalidRequest error, and a malformed header block is skipped; either way
// the next message is read.
type stream struct {
	in  *bufio.Reader
	log *zap.Logger

	mu     sync.Mutex // serialises writes; held for a whole frame
	out    io.Writer
	closed atomic.Bool
	closer []io.Closer

	// atEOF, when set, is called once the input has ended, before Read
	// reports it: the messages already read are still being handled
	// (handlers run asynchronously), and a client that pipes a whole
	// session and closes its end expects their replies.
	atEOF func()
}

func newStream(in io.Reader, out io.Writer, log *zap.Logger) *stream {
	s := &stream{in: bufio.NewReaderSize(in, 64<<10), out: out, log: log}
	for _, x := range []any{in, out} {
		if c, ok := x.(io.Closer); ok {
			s.closer = append(s.closer, c)
		}
	}
	return s
}

// Read returns the next well-formed message. It returns an error only when
// the input ends or fails.
func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		length, n, err := s.readHeader()
		if err != nil {
			var bad badHeader
			if errors.As(err, &bad) {
				s.log.Warn("skipping malformed message header", zap.Error(err))
				continue
			}
			if errors.Is(err, io.EOF) && s.atEOF != nil {
				s.atEOF()
			}
			return nil, n, err
		}
		if length > maxMessage {
			s.log.Warn("skipping oversized message", zap.Int64("bytes", length))
			if _, err := io.CopyN(io.Discard, s.in, length); err != nil {
				return nil, n, fmt.Errorf("reading message body: %w", err)
			}
			s.reject(nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "message of %d bytes is larger than %d", length, maxMessage))
			continue
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(s.in, body); err != nil {
			return nil, n, fmt.Errorf("reading message body: %w", err)
		}
		n += length
		msg, err := jsonrpc2.DecodeMessage(body)
		if err == nil {
			return msg, n, nil
		}
		s.rejectBody(body, err)
	}
}

// badHeader is a header block that could not be understood; the stream
// skips it.
type badHeader struct{ msg string }

func (b badHeader) Error() string { return b.msg }

// readHeader reads header lines up to the blank line that ends them and
// returns the Content-Length.
func (s *stream) readHeader() (length, n int64, err error) {
	length = -1
	var bad string
	for {
		line, err := s.in.ReadString('\n')
		n += int64(len(line))
		if err != nil {
			if err == io.EOF && n == 0 {
				return 0, 0, io.EOF
			}
			return 0, n, fmt.Errorf("reading message header: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if n <= 2 {
				// A stray blank line between messages.
				n = 0
				continue
			}
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			bad = fmt.Sprintf("invalid header line %q", truncate(line, 80))
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			v, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || v < 0 {
				bad = fmt.Sprintf("invalid Content-Length %q", truncate(value, 40))
				continue
			}
			length = v
		}
	}
	switch {
	case bad != "":
		return 0, n, badHeader{bad}
	case length < 0:
		return 0, n, badHeader{"message header has no Content-Length"}
	}
	return length, n, nil
}

// rejectBody answers a body that did not decode as a JSON-RPC message.
func (s *stream) rejectBody(body []byte, decodeErr error) {
	if !stdjson.Valid(body) {
		s.log.Warn("malformed JSON in message", zap.Error(decodeErr), zap.String("body", truncate(string(body), 200)))
		s.reject(nil, jsonrpc2.Errorf(jsonrpc2.ParseError, "parse error: the message is not valid JSON"))
		return
	}
	var probe struct {
		ID stdjson.RawMessage `json:"id"`
	}
	_ = stdjson.Unmarshal(body, &probe) // a non-object has no id
	s.log.Warn("invalid JSON-RPC message", zap.Error(decodeErr), zap.String("body", truncate(string(body), 200)))
	id := probe.ID
	var tmp any
	if len(id) > 0 && stdjson.Unmarshal(id, &tmp) == nil {
		switch tmp.(type) {
		case string, float64:
		default:
			id = nil
		}
	}
	s.reject(id, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "invalid request: %v", decodeErr))
}

// reject writes an error response with the given raw id (null when nil).
func (s *stream) reject(id stdjson.RawMessage, e *jsonrpc2.Error) {
	if id == nil {
		id = stdjson.RawMessage("null")
	}
	body, err := stdjson.Marshal(struct {
		JSONRPC string             `json:"jsonrpc"`
		ID      stdjson.RawMessage `json:"id"`
		Error   *jsonrpc2.Error    `json:"error"`
	}{"2.0", id, e})
	if err != nil {
		s.log.Error("encoding error response", zap.Error(err))
		return
	}
	if err := s.writeFrame(body); err != nil {
		s.log.Warn("writing error response", zap.Error(err))
	}
}

// Write implements jsonrpc2.Stream.
func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	body, err := json.Marshal(msg)
	if err != nil {
		return 0, fmt.Errorf("marshaling message: %w", err)
	}
	return int64(len(body)), s.writeFrame(body)
}

func (s *stream) writeFrame(body []byte) error {
	var b bytes.Buffer
	b.Grow(len(body) + 32)
	b.WriteString("Content-Length: ")
	b.WriteString(strconv.Itoa(len(body)))
	b.WriteString("\r\n\r\n")
	b.Write(body)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed.Load() {
		return errStreamClosed
	}
	if _, err := s.out.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing message: %w", err)
	}
	return nil
}

// Close stops further writes and closes the reader and writer where they
// can be closed, which unblocks a pending read or write.
func (s *stream) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	var first error
	for _, c := range s.closer {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
