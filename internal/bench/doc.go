// Package bench measures the provider against the least a read can cost and
// against what a user would do without it, for `make bench`.
//
// A read of a pool's import jobs cannot be faster than its pages one after
// another, each waiting for the token of the one before: the floor is the
// number of pages times the round trip. The package measures how close the
// provider comes, in five sections: the requests a read sends; the Go
// benchmarks of the list-and-map path beside a bare SDK loop; `terraform
// plan` end to end with latency injected, with the provider's peak memory;
// the AWS CLI paging by hand, as a peer; and a plan under the service's
// rate limit. Every scenario runs against the local endpoint of
// internal/cognitolocal on loopback.
//
// It prints each figure beside its target. The timing figures are
// measurements, not tests: they depend on the machine and what else runs
// on it, which is why they stay out of `make test`.
package bench
