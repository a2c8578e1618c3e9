// Command ferretdb runs FerretDB v1 (a MongoDB wire-protocol server over SQLite) for capgap's
// embedded default. It uses FerretDB's embeddable package because the project's own cmd/ferretdb
// panics when built with `go install` (it needs a generated version file).
//
// It prints one line "ready <mongodb-uri>" on stdout once it listens, then serves until
// SIGINT/SIGTERM, or, with -stop-with-stdin, until its standard input closes: the service
// holds the other end of that pipe, so FerretDB stops when the service dies, even of kill -9
// (an orphan would keep the SQLite files and die later of SIGPIPE on its next log line).
// server/db/ferretdb.ts builds and starts it.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	dataDir := flag.String("data", "data/ferretdb", "folder for the SQLite files")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	stopWithStdin := flag.Bool("stop-with-stdin", false, "stop when standard input closes (the parent process is gone)")
	flag.Parse()

	if err := os.MkdirAll(*dataDir, 0o755); err != nil {
		log.Fatalf("cannot create data folder %s: %v", *dataDir, err)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		log.Fatalf("bad -log-level %q: %v", *logLevel, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger.With("component", "ferretdb"),
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dataDir + "/",
	})
	if err != nil {
		log.Fatalf("cannot start FerretDB: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if *stopWithStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin) // returns at end of file: the parent closed the pipe or died
			stop()
		}()
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	fmt.Printf("ready %s\n", f.MongoDBURI())

	if err := <-done; err != nil {
		log.Fatal(err)
	}
}
