// Command cognito-local serves the local Cognito user pools endpoint on
// loopback, seeded from JSON files, until it is interrupted.
//
//	cognito-local -seed examples/demo/jobs.json -addr-file /tmp/addr
//	cognito-local -seed jobs.json -latency 50ms -rate-limit 5 -role arn:aws:iam::123456789012:role/Reader
//
// Fault flags apply to the whole endpoint; a seed pool's Options set the
// faults of that pool. With -faults, the endpoint's faults are read from a
// JSON file instead, and read again on SIGHUP, so that a script can change
// them while the endpoint serves. When it stops, it prints how many
// requests and SDK calls it served.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// repeated is a flag that may be given more than once.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// settings are what the command line asks for.
type settings struct {
	listen     string
	addrFile   string
	credential cognitolocal.Credential
	seeds      []string
	roles      []string
	regions    []string
	faults     cognitolocal.Faults
	faultsFile string
}

func main() {
	cfg, err := parse(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		log.Fatalf("cognito-local: %v", err)
	}

	if err := run(cfg, os.Stdout); err != nil {
		log.Fatalf("cognito-local: %v", err)
	}
}

// parse reads the command line.
func parse(args []string, usage io.Writer) (settings, error) {
	var cfg settings
	var seeds, roles, regions, operations repeated
	fs := flag.NewFlagSet("cognito-local", flag.ContinueOnError)
	fs.SetOutput(usage)

	fs.StringVar(&cfg.listen, "listen", "127.0.0.1:0", "address to listen on; port 0 picks a free port")
	fs.StringVar(&cfg.addrFile, "addr-file", "", "file to write the endpoint URL to once listening")
	fs.StringVar(&cfg.credential.AccessKeyID, "access-key", cognitolocal.DefaultCredential.AccessKeyID,
		"access key ID to accept")
	fs.StringVar(&cfg.credential.SecretAccessKey, "secret-key", cognitolocal.DefaultCredential.SecretAccessKey,
		"secret access key to accept")
	fs.Var(&seeds, "seed", "seed file of user pools and jobs (repeatable)")
	fs.Var(&roles, "role", "ARN of an IAM role that STS AssumeRole may hand out keys for (repeatable)")
	fs.Var(&regions, "region", "region to serve, refusing requests signed for others (repeatable; default all)")

	f := &cfg.faults
	fs.IntVar(&f.Throttle, "throttle", 0, "throttle the next N requests; -1 throttles every request")
	fs.IntVar(&f.InternalErrors, "internal-errors", 0, "answer the next N requests with a 500; -1 every request")
	fs.IntVar(&f.MalformedBodies, "malformed-bodies", 0, "cut the next N answers short; -1 every answer")
	fs.DurationVar(&f.Latency, "latency", 0, "delay every answer by this much, such as 50ms")
	fs.Float64Var(&f.RateLimit, "rate-limit", 0,
		"requests a second each user pool serves of each operation; what exceeds is throttled")
	fs.IntVar(&f.PageSize, "page-size", 0, "cut every page of ListUserImportJobs to N jobs, still with a token")
	fs.BoolVar(&f.EmptyFinalToken, "empty-final-token", false, "end the last page with an empty token")
	fs.BoolVar(&f.TokenAfterLastJob, "token-after-last-job", false, "give a token after a full last page")
	fs.BoolVar(&f.RepeatToken, "repeat-token", false, "answer every page with the token it was asked with")
	fs.BoolVar(&f.ExponentTimestamps, "exponent-timestamps", false, "write timestamps as in 1.763461002853E9")
	fs.BoolVar(&f.OffsetToken, "offset-token", false,
		"give tokens that are an index into the list, so that a job created between pages repeats one")
	fs.Var(&operations, "fault-operation", "limit the faults to this operation (repeatable; default all)")
	fs.StringVar(&cfg.faultsFile, "faults", "", "JSON file of the endpoint's faults, read again on SIGHUP; "+
		"replaces the fault flags")

	if err := fs.Parse(args); err != nil {
		return settings{}, err
	}
	if fs.NArg() > 0 {
		return settings{}, fmt.Errorf("unexpected argument %q: every setting is a flag", fs.Arg(0))
	}
	if f.Latency < 0 || f.RateLimit < 0 || f.PageSize < 0 {
		return settings{}, errors.New("-latency, -rate-limit and -page-size cannot be negative")
	}
	for name, n := range map[string]int{"throttle": f.Throttle, "internal-errors": f.InternalErrors,
		"malformed-bodies": f.MalformedBodies} {
		if n < cognitolocal.Always {
			return settings{}, fmt.Errorf("-%s is %d: give a count, or -1 for every request", name, n)
		}
	}
	cfg.seeds, cfg.roles, cfg.regions = seeds, roles, regions
	f.Operations = operations

	return cfg, nil
}

// readFaults reads the endpoint's faults from a JSON file.
func readFaults(path string) (cognitolocal.Faults, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return cognitolocal.Faults{}, err
	}

	var f cognitolocal.Faults
	if err := json.Unmarshal(raw, &f); err != nil {
		return cognitolocal.Faults{}, fmt.Errorf("reading faults from %s: %w", path, err)
	}
	return f, nil
}

func run(cfg settings, out io.Writer) error {
	server := cognitolocal.New(cfg.credential)
	for _, path := range cfg.seeds {
		if err := server.LoadSeedFile(path); err != nil {
			return err
		}
	}
	for _, arn := range cfg.roles {
		server.AddRole(cognitolocal.Role{ARN: arn})
	}
	server.SetRegions(cfg.regions...)

	faults := cfg.faults
	if cfg.faultsFile != "" {
		var err error
		if faults, err = readFaults(cfg.faultsFile); err != nil {
			return err
		}
	}
	server.SetFaults(faults)

	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()

	if cfg.addrFile != "" {
		if err := os.WriteFile(cfg.addrFile, []byte(url+"\n"), 0o600); err != nil {
			return err
		}
	}
	_, _ = fmt.Fprintln(out, "cognito-local listening on", url)

	srv := &http.Server{Handler: server, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	hangups := make(chan os.Signal, 1)
	signal.Notify(hangups, syscall.SIGHUP)
	defer signal.Stop(hangups)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	for serving := true; serving; {
		select {
		case err := <-errc:
			return err
		case <-hangups:
			reloadFaults(server, cfg.faultsFile, out)
		case <-ctx.Done():
			serving = false
		}
	}

	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}

	printCounts(server, out)
	return nil
}

// reloadFaults reads the faults file again, keeping the faults in force
// when it cannot be read.
func reloadFaults(server *cognitolocal.Server, path string, out io.Writer) {
	if path == "" {
		_, _ = fmt.Fprintln(out, "cognito-local: SIGHUP ignored: no -faults file to read")
		return
	}

	f, err := readFaults(path)
	if err != nil {
		_, _ = fmt.Fprintf(out, "cognito-local: keeping the faults in force: %v\n", err)
		return
	}
	server.SetFaults(f)
	_, _ = fmt.Fprintln(out, "cognito-local: faults read again from", path)
}

// printCounts prints the requests and SDK calls served, in all and by
// operation.
func printCounts(server *cognitolocal.Server, out io.Writer) {
	operations := make(map[string]bool)
	for _, req := range server.RequestLog() {
		operations[req.Operation] = true
	}
	names := make([]string, 0, len(operations))
	for name := range operations {
		names = append(names, name)
	}
	sort.Strings(names)

	_, _ = fmt.Fprintf(out, "cognito-local served %d requests in %d SDK calls\n", server.Requests(""), server.Calls(""))
	for _, name := range names {
		_, _ = fmt.Fprintf(out, "  %-24s %6d requests %6d calls\n", name, server.Requests(name), server.Calls(name))
	}
}
