// Command cognito-local serves the local Cognito user pools endpoint on
// loopback, seeded from JSON files, until it is interrupted.
//
//	cognito-local -seed examples/demo/jobs.json -addr-file /tmp/addr
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

type seedFiles []string

func (s *seedFiles) String() string     { return strings.Join(*s, ",") }
func (s *seedFiles) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	var (
		listen    = flag.String("listen", "127.0.0.1:0", "address to listen on; port 0 picks a free port")
		addrFile  = flag.String("addr-file", "", "file to write the endpoint URL to once listening")
		accessKey = flag.String("access-key", cognitolocal.DefaultCredential.AccessKeyID, "access key ID to accept")
		secretKey = flag.String("secret-key", cognitolocal.DefaultCredential.SecretAccessKey, "secret access key to accept")
		seeds     seedFiles
	)
	flag.Var(&seeds, "seed", "seed file of user pools and jobs (repeatable)")
	flag.Parse()

	if err := run(*listen, *addrFile, seeds, cognitolocal.Credential{
		AccessKeyID: *accessKey, SecretAccessKey: *secretKey,
	}); err != nil {
		log.Fatalf("cognito-local: %v", err)
	}
}

func run(listen, addrFile string, seeds []string, cred cognitolocal.Credential) error {
	server := cognitolocal.New(cred)
	for _, path := range seeds {
		if err := server.LoadSeedFile(path); err != nil {
			return err
		}
	}

	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()

	if addrFile != "" {
		if err := os.WriteFile(addrFile, []byte(url+"\n"), 0o600); err != nil {
			return err
		}
	}
	fmt.Println("cognito-local listening on", url)

	srv := &http.Server{Handler: server, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}

	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
