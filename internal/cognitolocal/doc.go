// Package cognitolocal is a local stand-in for the Amazon Cognito user pools
// API, as far as user import jobs go. It speaks the service's wire protocol
// (AWS JSON 1.1 over HTTP, SigV4-signed requests, errors as
// {"__type","message"} with status 400, timestamps as epoch-second numbers),
// keeps jobs per user pool, pages through them with an opaque cursor token,
// and can be told to misbehave the ways the real service and other
// endpoints have been seen to.
//
// Tests run it in-process on port 0 through net/http/httptest; the demo and
// benchmarks run it as the cognito-local command.
package cognitolocal
