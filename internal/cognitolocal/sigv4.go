package cognitolocal

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

const (
	// signingName is the service name in the credential scope of the user
	// pools API.
	signingName = "cognito-idp"

	sigV4Algorithm = "AWS4-HMAC-SHA256"
	amzDateFormat  = "20060102T150405Z"
)

// authorization is the parsed Authorization header of a SigV4 request.
type authorization struct {
	accessKeyID   string
	date          string
	region        string
	service       string
	signedHeaders []string
	signature     string
}

func parseAuthorization(header string) (authorization, bool) {
	rest, ok := strings.CutPrefix(header, sigV4Algorithm+" ")
	if !ok {
		return authorization{}, false
	}

	var a authorization
	for _, part := range strings.Split(rest, ",") {
		key, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return authorization{}, false
		}
		switch key {
		case "Credential":
			scope := strings.Split(value, "/")
			if len(scope) != 5 || scope[4] != "aws4_request" {
				return authorization{}, false
			}
			a.accessKeyID, a.date, a.region, a.service = scope[0], scope[1], scope[2], scope[3]
		case "SignedHeaders":
			a.signedHeaders = strings.Split(value, ";")
		case "Signature":
			a.signature = value
		}
	}

	if a.accessKeyID == "" || a.signature == "" || len(a.signedHeaders) == 0 {
		return authorization{}, false
	}
	return a, true
}

// authenticate checks the SigV4 signature of r, signed for service, against
// the endpoint's key pairs, and returns the key pair and the region it was
// signed for. The signature is computed again with the SDK's signer over
// exactly the headers the client signed. The key pair is returned, to be
// noted, as soon as it is known, even when the request is then refused.
func (s *Server) authenticate(r *http.Request, body []byte, service string,
	now time.Time) (keyPair, string, error) {
	header := r.Header.Get("Authorization")
	if header == "" {
		return keyPair{}, "", &apiError{status: 400, code: "MissingAuthenticationTokenException",
			message: "Missing Authentication Token"}
	}

	auth, ok := parseAuthorization(header)
	if !ok {
		return keyPair{}, "", &apiError{status: 400, code: "IncompleteSignatureException",
			message: "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders'."}
	}

	s.mu.Lock()
	key, known := s.credentials[auth.accessKeyID]
	regions := s.regions
	s.mu.Unlock()
	if !known || r.Header.Get("X-Amz-Security-Token") != key.SessionToken {
		// Temporary keys without their session token, and configured keys
		// with one, are refused as the service refuses them.
		return keyPair{}, "", &apiError{status: 400, code: "UnrecognizedClientException",
			message: "The security token included in the request is invalid."}
	}
	if !key.expires.IsZero() && !now.Before(key.expires) {
		return key, "", &apiError{status: 400, code: "ExpiredTokenException",
			message: "The security token included in the request is expired"}
	}

	// NOTE: unlike the service, the endpoint does not refuse a signing time
	// far from its clock, so that a test may set that clock anywhere.
	signingTime, err := time.Parse(amzDateFormat, r.Header.Get("X-Amz-Date"))
	if err != nil || signingTime.Format("20060102") != auth.date {
		return key, "", &apiError{status: 400, code: "IncompleteSignatureException",
			message: "X-Amz-Date must be present and agree with the credential scope."}
	}

	if auth.service != service {
		return key, "", invalidSignature(fmt.Sprintf("Credential should be scoped to correct service: '%s'.",
			service))
	}
	if !regionPattern.MatchString(auth.region) || (len(regions) > 0 && !slices.Contains(regions, auth.region)) {
		return key, "", invalidSignature("Credential should be scoped to a valid region.")
	}

	expected, err := sign(r, body, auth.signedHeaders, key.Credential, service, auth.region, signingTime)
	if err != nil || subtle.ConstantTimeCompare([]byte(expected), []byte(auth.signature)) != 1 {
		return key, "", invalidSignature("The request signature we calculated does not match the " +
			"signature you provided. Check your AWS Secret Access Key and signing method. " +
			"Consult the service documentation for details.")
	}

	return key, auth.region, nil
}

func invalidSignature(message string) error {
	return &apiError{status: 400, code: "InvalidSignatureException", message: message}
}

// regionPattern is the shape of an AWS region name, such as eu-west-1 or
// us-gov-east-1.
var regionPattern = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)

// sign computes the signature of r as a client holding cred would have, over
// the named headers only.
func sign(r *http.Request, body []byte, signedHeaders []string, cred Credential,
	service, region string, signingTime time.Time) (string, error) {
	clone, err := http.NewRequestWithContext(context.Background(), r.Method, r.URL.String(), nil)
	if err != nil {
		return "", err
	}
	clone.Host = r.Host
	for _, name := range signedHeaders {
		switch name {
		case "host":
		case "content-length":
			clone.ContentLength = r.ContentLength
		default:
			clone.Header[http.CanonicalHeaderKey(name)] = r.Header.Values(name)
		}
	}

	sum := sha256.Sum256(body)
	creds := aws.Credentials{
		AccessKeyID:     cred.AccessKeyID,
		SecretAccessKey: cred.SecretAccessKey,
		SessionToken:    cred.SessionToken,
	}
	err = v4.NewSigner().SignHTTP(context.Background(), creds, clone, hex.EncodeToString(sum[:]),
		service, region, signingTime)
	if err != nil {
		return "", err
	}

	auth, ok := parseAuthorization(clone.Header.Get("Authorization"))
	if !ok {
		return "", errUnsigned
	}
	return auth.signature, nil
}

// poolRegion is the region a user pool id starts with.
func poolRegion(userPoolID string) string {
	i := strings.LastIndex(userPoolID, "_")
	if i <= 0 {
		return ""
	}
	return userPoolID[:i]
}
