// Package cognitolocal is a local stand-in for the Amazon Cognito user pools
// API, as far as user import jobs go. It speaks the service's wire protocol
// (AWS JSON 1.1 over HTTP, SigV4-signed requests, errors as
// {"__type","message"} with status 400, timestamps as epoch-second numbers)
// and serves the six import-job operations: it keeps jobs per user pool,
// pages through them with an opaque cursor token, moves the jobs it drives
// through their lifecycle by a Clock that tests control, takes uploads to
// the presigned URLs it hands out, and validates requests as the API's
// model does. At the same address it serves STS AssumeRole, whose
// temporary keys the user pools side then accepts.
//
// Faults make it misbehave the ways the real service and networks do:
// throttling, 500s, malformed answers, latency, a rate limit per pool and
// operation, and the pagination traps other tools fell into. They can be
// set for the whole endpoint or one pool and changed while it serves, and
// the endpoint notes every request it served so that tests can count them.
//
// Tests run it in-process on port 0 through net/http/httptest; the demo,
// scripts and benchmarks run it as the cognito-local command.
package cognitolocal
