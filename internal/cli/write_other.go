//go:build !unix

package cli

import "os"

func keepOwner(*os.File, os.FileInfo) error { return nil }

func linkCount(os.FileInfo) uint64 { return 1 }

func changed(read, now os.FileInfo) bool {
	return read.Size() != now.Size() || !read.ModTime().Equal(now.ModTime()) || read.Mode() != now.Mode()
}

func canWrite(string) error { return nil }

// processRunning cannot tell here, so temporary files are never taken for
// stale.
func processRunning(int) bool { return true }
