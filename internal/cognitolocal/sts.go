package cognitolocal

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const (
	// stsSigningName is the service name in the credential scope of STS.
	stsSigningName = "sts"

	stsVersion   = "2011-06-15"
	stsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/"

	// defaultSessionDuration is the session STS gives when none is asked
	// for, and the longest a role allows unless it says otherwise.
	defaultSessionDuration = time.Hour
)

// Role is an IAM role that the endpoint's STS lets the holders of its key
// pairs assume.
type Role struct {
	ARN string

	// ExternalID, when set, must be given by every AssumeRole of the role,
	// as a trust policy can require.
	ExternalID string

	// MaxSessionDuration bounds the DurationSeconds of AssumeRole; zero
	// means one hour, IAM's default.
	MaxSessionDuration time.Duration

	// sessions are the sessions granted for the role, oldest first. They
	// live with the role because the endpoint keeps no other state per
	// role, and AddRole clears them.
	sessions []RoleSession
}

// RoleSession is what the endpoint noted of one AssumeRole it granted, for
// tests to assert that a client asks for the session it was configured
// with. It holds no secret.
type RoleSession struct {
	RoleARN     string
	SessionName string

	// Duration is how long the session lasts: the DurationSeconds asked
	// for, or STS's default of one hour when the request named none.
	Duration time.Duration
}

// AddRole lets the holders of the endpoint's key pairs assume a role. The
// temporary keys it hands out are accepted by the user pools API until
// they expire, by the endpoint's clock. Adding a role again replaces it
// and forgets its sessions. NOTE: there is no trust policy beyond
// ExternalID; every key pair may assume every role added.
func (s *Server) AddRole(role Role) {
	s.mu.Lock()
	defer s.mu.Unlock()

	role.sessions = nil
	s.roles[role.ARN] = role
}

// RoleSessions are the sessions granted for the role roleARN so far,
// oldest first. Refused requests grant none; RequestLog notes them.
func (s *Server) RoleSessions(roleARN string) []RoleSession {
	s.mu.Lock()
	defer s.mu.Unlock()

	return append([]RoleSession(nil), s.roles[roleARN].sessions...)
}

// isQueryProtocol reports whether r is a request of the query protocol,
// which STS speaks: a form POST without an X-Amz-Target.
func isQueryProtocol(r *http.Request) bool {
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return r.Method == http.MethodPost && mediaType == "application/x-www-form-urlencoded"
}

// serveSTS answers one STS request. Faults do not apply to it.
func (s *Server) serveSTS(w http.ResponseWriter, r *http.Request) {
	rec := Request{
		InvocationID: r.Header.Get("Amz-Sdk-Invocation-Id"),
		Attempt:      attemptNumber(r.Header.Get("Amz-Sdk-Request")),
	}

	body, err := s.handleSTS(r, &rec)
	w.Header().Set("Content-Type", "text/xml")
	w.Header().Set("X-Amzn-Requestid", requestID())
	if err != nil {
		ae := stsError(err)
		rec.ErrorCode = ae.code
		w.WriteHeader(ae.status)
		body = stsErrorBody(ae)
	}
	s.record(rec)

	_, _ = w.Write(body)
}

func (s *Server) handleSTS(r *http.Request, rec *Request) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	if err != nil {
		return nil, &apiError{status: 400, code: "MalformedQueryString",
			message: "The request could not be read."}
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, &apiError{status: 400, code: "MalformedQueryString",
			message: "The request body is not a query string."}
	}
	rec.Operation = form.Get("Action")

	now := s.now()
	key, _, err := s.authenticate(r, body, stsSigningName, now)
	rec.AccessKeyID, rec.Role = key.AccessKeyID, key.role
	if err != nil {
		return nil, err
	}

	if form.Get("Action") != "AssumeRole" || form.Get("Version") != stsVersion {
		return nil, &apiError{status: 400, code: "InvalidAction",
			message: fmt.Sprintf("Could not find operation %s for version %s.",
				form.Get("Action"), form.Get("Version"))}
	}

	return s.assumeRole(form, key, now)
}

// assumeRole issues temporary keys for a role the endpoint knows.
func (s *Server) assumeRole(form url.Values, caller keyPair, now time.Time) ([]byte, error) {
	member := func(name string) *string {
		if !form.Has(name) {
			return nil
		}
		v := form.Get(name)
		return &v
	}
	roleARN, sessionName, externalID := member("RoleArn"), member("RoleSessionName"), member("ExternalId")

	var v violations
	if v.required(roleARN, "roleArn") {
		v.stringRule(roleARN, "roleArn", 20, 2048, nil)
	}
	if v.required(sessionName, "roleSessionName") {
		v.stringRule(sessionName, "roleSessionName", 2, 64, sessionNamePattern)
	}
	v.stringRule(externalID, "externalId", 2, 1224, externalIDPattern)
	duration := defaultSessionDuration
	if seconds := member("DurationSeconds"); seconds != nil {
		n, err := strconv.Atoi(*seconds)
		if err != nil {
			return nil, &apiError{status: 400, code: "ValidationError",
				message: fmt.Sprintf("DurationSeconds %q is not a number.", *seconds)}
		}
		v.intRange(&n, "durationSeconds", 900, 43200)
		duration = time.Duration(n) * time.Second
	}
	if err := v.errorCoded("ValidationError"); err != nil {
		return nil, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()

	role, ok := s.roles[*roleARN]
	if !ok || (role.ExternalID != "" && (externalID == nil || *externalID != role.ExternalID)) {
		return nil, &apiError{status: 403, code: "AccessDenied",
			message: fmt.Sprintf("User: %s is not authorized to perform: sts:AssumeRole on resource: %s",
				principal(caller), *roleARN)}
	}
	maxDuration := role.MaxSessionDuration
	if maxDuration == 0 {
		maxDuration = defaultSessionDuration
	}
	if duration > maxDuration {
		return nil, &apiError{status: 400, code: "ValidationError",
			message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."}
	}

	issued := keyPair{
		Credential: Credential{
			AccessKeyID:     "ASIA" + randomString(16, upperAlphanumerics),
			SecretAccessKey: randomString(40, base64Alphabet),
			SessionToken:    "IQoJb3JpZ2luX2Vj" + randomBase64(180),
		},
		expires: now.Add(duration).Truncate(time.Second),
		role:    role.ARN,
	}
	s.credentials[issued.AccessKeyID] = issued
	role.sessions = append(role.sessions,
		RoleSession{RoleARN: role.ARN, SessionName: *sessionName, Duration: duration})
	s.roles[role.ARN] = role

	return assumeRoleAnswer(issued, *sessionName)
}

// principal is the ARN STS names a caller by in its errors.
func principal(caller keyPair) string {
	if caller.role != "" {
		name := caller.role[strings.LastIndex(caller.role, "/")+1:]
		return "arn:aws:sts::" + accountID + ":assumed-role/" + name + "/session"
	}
	return "arn:aws:iam::" + accountID + ":user/cognito-local"
}

type assumeRoleResponse struct {
	XMLName xml.Name `xml:"AssumeRoleResponse"`
	Xmlns   string   `xml:"xmlns,attr"`
	Result  struct {
		AssumedRoleUser struct {
			Arn           string `xml:"Arn"`
			AssumedRoleId string `xml:"AssumedRoleId"`
		} `xml:"AssumedRoleUser"`
		Credentials struct {
			AccessKeyId     string `xml:"AccessKeyId"`
			SecretAccessKey string `xml:"SecretAccessKey"`
			SessionToken    string `xml:"SessionToken"`
			Expiration      string `xml:"Expiration"`
		} `xml:"Credentials"`
	} `xml:"AssumeRoleResult"`
	RequestID string `xml:"ResponseMetadata>RequestId"`
}

func assumeRoleAnswer(issued keyPair, sessionName string) ([]byte, error) {
	roleName := issued.role[strings.LastIndex(issued.role, "/")+1:]

	var out assumeRoleResponse
	out.Xmlns = stsNamespace
	out.Result.AssumedRoleUser.Arn = "arn:aws:sts::" + accountID + ":assumed-role/" +
		roleName + "/" + sessionName
	out.Result.AssumedRoleUser.AssumedRoleId = "AROA" + randomString(17, upperAlphanumerics) + ":" + sessionName
	out.Result.Credentials.AccessKeyId = issued.AccessKeyID
	out.Result.Credentials.SecretAccessKey = issued.SecretAccessKey
	out.Result.Credentials.SessionToken = issued.SessionToken
	out.Result.Credentials.Expiration = issued.expires.UTC().Format(time.RFC3339)
	out.RequestID = requestID()

	b, err := xml.Marshal(out)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// stsAuthCodes are the STS names of the errors authenticate reports in the
// user pools API's names.
var stsAuthCodes = map[string]struct {
	code   string
	status int
}{
	"MissingAuthenticationTokenException": {"MissingAuthenticationToken", 403},
	"UnrecognizedClientException":         {"InvalidClientTokenId", 403},
	"InvalidSignatureException":           {"SignatureDoesNotMatch", 403},
	"IncompleteSignatureException":        {"IncompleteSignature", 400},
	"ExpiredTokenException":               {"ExpiredToken", 400},
}

// stsError is err as STS reports it.
func stsError(err error) *apiError {
	var ae *apiError
	if !errors.As(err, &ae) {
		return &apiError{status: 500, code: "InternalFailure",
			message: "The endpoint failed to answer the request."}
	}
	if named, ok := stsAuthCodes[ae.code]; ok {
		return &apiError{status: named.status, code: named.code, message: ae.message}
	}
	return ae
}

func stsErrorBody(ae *apiError) []byte {
	kind := "Sender"
	if ae.status >= 500 {
		kind = "Receiver"
	}
	b, _ := xml.Marshal(struct {
		XMLName xml.Name `xml:"ErrorResponse"`
		Xmlns   string   `xml:"xmlns,attr"`
		Type    string   `xml:"Error>Type"`
		Code    string   `xml:"Error>Code"`
		Message string   `xml:"Error>Message"`
		ID      string   `xml:"RequestId"`
	}{Xmlns: stsNamespace, Type: kind, Code: ae.code, Message: ae.message, ID: requestID()})
	return b
}

const (
	upperAlphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	base64Alphabet     = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
)

// randomString is n characters drawn from an alphabet of 32 or 64.
func randomString(n int, alphabet string) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

func randomBase64(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}

// The API's rules for the members of AssumeRole.
var (
	sessionNamePattern = regexp.MustCompile(`^[\w+=,.@-]*$`)
	externalIDPattern  = regexp.MustCompile(`^[\w+=,.@:/-]*$`)
)
