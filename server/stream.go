package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
)

// maxMessage is the largest message body the server reads (a 10 MB
// document, JSON-escaped, fits many times over).
const maxMessage = 256 << 20

// maxHeaderLine is the longest header line the server reads; a longer line
// is not a header.
const maxHeaderLine = 4 << 10

// headerMark starts every message: the stream resynchronises on it.
var headerMark = []byte("content-length:")

// errStreamClosed is returned by writes after Close.
var errStreamClosed = errors.New("stream closed")

// stream is the LSP base protocol (Content-Length framed JSON-RPC) over a
// reader and a writer. Unlike jsonrpc2.NewStream, whose first bad frame ends
// the connection, it survives bad input and never loses its place for
// good: a message starts at the next "Content-Length:" header, and
// whatever comes before one (the tail of a body whose Content-Length was
// too short, a stray line) is skipped and logged. A body that is not JSON
// is answered with a ParseError, one that is JSON but not a JSON-RPC
// message with an InvalidRequest error; bytes after a complete JSON value
// (a Content-Length too long) are read again as the start of the next
// message. Messages are decoded with encoding/json, whose cost is linear
// in the nesting depth and which rejects nesting deeper than 10,000.
type stream struct {
	in  *bufio.Reader
	src *pushback // in's source, which can be handed bytes to read again
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
	src := &pushback{r: in}
	s := &stream{in: bufio.NewReaderSize(src, 64<<10), src: src, out: out, log: log}
	for _, x := range []any{in, out} {
		if c, ok := x.(io.Closer); ok {
			s.closer = append(s.closer, c)
		}
	}
	return s
}

// pushback reads buf before r.
type pushback struct {
	buf []byte
	r   io.Reader
}

func (p *pushback) Read(b []byte) (int, error) {
	if len(p.buf) > 0 {
		n := copy(b, p.buf)
		p.buf = p.buf[n:]
		return n, nil
	}
	return p.r.Read(b)
}

// unread puts b back in front of the input not yet read.
func (s *stream) unread(b []byte) {
	buffered, _ := s.in.Peek(s.in.Buffered())
	buf := make([]byte, 0, len(b)+len(buffered)+len(s.src.buf))
	buf = append(append(append(buf, b...), buffered...), s.src.buf...)
	s.src.buf = buf
	s.in.Reset(s.src)
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
		msg, end, err := decodeMessage(body)
		if rest := body[end:]; len(bytes.TrimSpace(rest)) > 0 {
			s.log.Warn("Content-Length was longer than the message; reading the rest as the next message",
				zap.Int64("contentLength", length), zap.Int("extra", len(rest)))
			s.unread(rest)
		}
		if err == nil {
			return msg, n, nil
		}
		s.rejectBody(body[:end], err)
	}
}

// badHeader is a header block that could not be understood; the stream
// skips it.
type badHeader struct{ msg string }

func (b badHeader) Error() string { return b.msg }

// readHeader skips to the next Content-Length header, reads the header
// lines up to the blank line that ends them and returns the Content-Length.
func (s *stream) readHeader() (length, n int64, err error) {
	n, err = s.skipToHeader()
	if err != nil {
		return 0, n, err
	}
	length = -1
	var bad string
	for {
		raw, err := s.in.ReadSlice('\n')
		n += int64(len(raw))
		if err == bufio.ErrBufferFull || len(raw) > maxHeaderLine {
			// Not a header; what follows is skipped up to the next one.
			return 0, n, badHeader{fmt.Sprintf("header line longer than %d bytes", maxHeaderLine)}
		}
		if err != nil {
			return 0, n, fmt.Errorf("reading message header: %w", err)
		}
		line := strings.TrimRight(string(raw), "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			bad = fmt.Sprintf("invalid header line %q", truncate(line, 80))
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			v, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || v < 0 || (length >= 0 && v != length) {
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

// skipToHeader discards the input up to the next "Content-Length:" (in any
// case) and logs what it skipped unless that was white space or other
// headers. At the end of the input it returns io.EOF.
func (s *stream) skipToHeader() (skipped int64, err error) {
	var sample []byte
	note := func(b []byte) {
		if len(sample) < 200 {
			sample = append(sample, b[:min(len(b), 200-len(sample))]...)
		}
		skipped += int64(len(b))
	}
	defer func() {
		if t := bytes.TrimSpace(sample); len(t) > 0 && !isHeaderLines(t) {
			s.log.Warn("skipped bytes that are not an LSP message, up to the next Content-Length header",
				zap.Int64("bytes", skipped), zap.ByteString("start", sample))
		}
	}()
	for {
		buf, err := s.in.Peek(max(s.in.Buffered(), len(headerMark)))
		if i := indexFold(buf, headerMark); i >= 0 {
			note(buf[:i])
			_, _ = s.in.Discard(i)
			return skipped, nil
		}
		if err != nil {
			note(buf)
			_, _ = s.in.Discard(len(buf))
			if errors.Is(err, io.EOF) {
				return skipped, io.EOF
			}
			return skipped, fmt.Errorf("reading message header: %w", err)
		}
		// Keep what could be the start of a header cut in two.
		d := len(buf) - (len(headerMark) - 1)
		note(buf[:d])
		_, _ = s.in.Discard(d)
	}
}

// indexFold returns the index of the first ASCII case-insensitive match of
// the lower-case mark in b, or -1.
func indexFold(b, mark []byte) int {
	for i := 0; i+len(mark) <= len(b); i++ {
		if b[i]|0x20 == mark[0] && bytes.EqualFold(b[i:i+len(mark)], mark) {
			return i
		}
	}
	return -1
}

// isHeaderLines reports whether b is only "Name: value" lines, such as a
// Content-Type header sent before Content-Length.
func isHeaderLines(b []byte) bool {
	for _, line := range bytes.Split(b, []byte("\n")) {
		name, _, ok := bytes.Cut(bytes.TrimSpace(line), []byte(":"))
		if !ok || len(name) == 0 || bytes.ContainsAny(name, " \t{}[]\"") {
			return false
		}
	}
	return true
}

// wireMessage is a JSON-RPC 2.0 message as sent.
type wireMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Method  *string         `json:"method"`
	Params  json.RawMessage `json:"params"`
	Result  json.RawMessage `json:"result"`
	Error   *jsonrpc2.Error `json:"error"`
}

// decodeMessage decodes the first JSON value of body as a JSON-RPC message
// and returns the offset where that value ends (len(body) when body is not
// JSON).
func decodeMessage(body []byte) (jsonrpc2.Message, int, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	var w wireMessage
	if err := dec.Decode(&w); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, len(body), err
		}
		// Well-formed JSON of the wrong shape: find where it ends.
		var raw json.RawMessage
		dec = json.NewDecoder(bytes.NewReader(body))
		if dec.Decode(&raw) != nil {
			return nil, len(body), err
		}
		return nil, int(dec.InputOffset()), fmt.Errorf("not a JSON-RPC message: %w", err)
	}
	end := int(dec.InputOffset())
	if w.JSONRPC != "2.0" {
		return nil, end, fmt.Errorf("invalid or missing \"jsonrpc\": %q (want \"2.0\")", w.JSONRPC)
	}
	var id *jsonrpc2.ID
	if len(w.ID) > 0 && string(w.ID) != "null" {
		var n int32
		var str string
		switch {
		case json.Unmarshal(w.ID, &n) == nil:
			v := jsonrpc2.NewNumberID(n)
			id = &v
		case json.Unmarshal(w.ID, &str) == nil:
			v := jsonrpc2.NewStringID(str)
			id = &v
		default:
			return nil, end, fmt.Errorf("invalid id %s: want a string or a 32-bit integer", truncate(string(w.ID), 40))
		}
	}
	var params any
	if w.Params != nil {
		params = w.Params
	}
	var msg jsonrpc2.Message
	var err error
	switch {
	case w.Method != nil && *w.Method != "" && id != nil:
		msg, err = jsonrpc2.NewCall(*id, *w.Method, params)
	case w.Method != nil && *w.Method != "":
		msg, err = jsonrpc2.NewNotification(*w.Method, params)
	case id == nil:
		return nil, end, errors.New("a message with no method is a response and needs an id")
	case w.Error != nil:
		msg, err = jsonrpc2.NewResponse(*id, nil, w.Error)
	default:
		var result any
		if w.Result != nil {
			result = w.Result
		}
		msg, err = jsonrpc2.NewResponse(*id, result, nil)
	}
	if err != nil {
		return nil, end, err
	}
	return msg, end, nil
}

// rejectBody answers a body that did not decode as a JSON-RPC message.
func (s *stream) rejectBody(body []byte, decodeErr error) {
	if !json.Valid(body) {
		s.log.Warn("malformed JSON in message", zap.Error(decodeErr), zap.String("body", truncate(string(body), 200)))
		s.reject(nil, jsonrpc2.Errorf(jsonrpc2.ParseError, "parse error: the message is not valid JSON"))
		return
	}
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	_ = json.Unmarshal(body, &probe) // a non-object has no id
	s.log.Warn("invalid JSON-RPC message", zap.Error(decodeErr), zap.String("body", truncate(string(body), 200)))
	id := probe.ID
	var tmp any
	if len(id) > 0 && json.Unmarshal(id, &tmp) == nil {
		switch tmp.(type) {
		case string, float64:
		default:
			id = nil
		}
	}
	s.reject(id, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "invalid request: %v", decodeErr))
}

// reject writes an error response with the given raw id (null when nil).
func (s *stream) reject(id json.RawMessage, e *jsonrpc2.Error) {
	if id == nil {
		id = json.RawMessage("null")
	}
	body, err := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   *jsonrpc2.Error `json:"error"`
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
