package cognitolocal

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const (
	// uploadPathPrefix starts the path of every presigned upload URL: the
	// service's bucket name, path-style, so that one loopback address
	// serves it.
	uploadPathPrefix = "/aws-cognito-idp-user-import-"

	// accountID is the account the endpoint's resources belong to.
	accountID = "123456789012"

	// uploadValidFor is how long a presigned URL works, as the service's.
	uploadValidFor = 15 * time.Minute

	// maxUploadBytes is the largest import file the service takes.
	maxUploadBytes = 100 << 20
)

// presignedURL is an upload URL in the shape of the service's: a PUT of the
// key <account>/<pool>/<job> to the bucket aws-cognito-idp-user-import-
// <region>, presigned with SigV4 query parameters for s3 in the pool's
// region, signed at date and valid for 15 minutes. The service names the
// bucket in the host (virtual-hosted style); these URLs name it in the path
// (path style, which S3 takes too), so that the endpoint's one loopback
// address at origin serves them.
func presignedURL(origin, region, userPoolID, jobID, date, signature string) string {
	query := strings.Join([]string{
		"X-Amz-Security-Token=" + url.QueryEscape("IQoJb3JpZ2luX2VjEOCOGNITOLOCAL"+date),
		"X-Amz-Algorithm=AWS4-HMAC-SHA256",
		"X-Amz-Date=" + date,
		"X-Amz-SignedHeaders=" + url.QueryEscape("host;x-amz-server-side-encryption"),
		"X-Amz-Expires=" + strconv.Itoa(int(uploadValidFor.Seconds())-1),
		"X-Amz-Credential=" + url.QueryEscape("ASIACOGNITOLOCAL0001/"+date[:8]+"/"+region+"/s3/aws4_request"),
		"X-Amz-Signature=" + signature,
	}, "&")

	return origin + uploadPathPrefix + region + "/" + accountID + "/" + userPoolID + "/" + jobID + "?" + query
}

// uploadURL is the presigned URL of a new job, at the origin the client
// reached the endpoint by and signed with a key of the endpoint's own, so
// that an upload to it can be checked.
func (s *Server) uploadURL(origin, region, userPoolID, jobID string, now time.Time) string {
	date := now.UTC().Format(amzDateFormat)
	return presignedURL(origin, region, userPoolID, jobID, date, s.uploadSignature(userPoolID, jobID, date))
}

// uploadOrigin is the scheme and loopback address of the presigned URLs
// made for a request.
func uploadOrigin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + loopbackHost(r.Host)
}

func (s *Server) uploadSignature(userPoolID, jobID, date string) string {
	mac := hmac.New(sha256.New, s.uploadKey)
	mac.Write([]byte(userPoolID + "/" + jobID + "/" + date))
	return hex.EncodeToString(mac.Sum(nil))
}

// loopbackHost is host when it names a loopback address, and otherwise the
// IPv4 loopback address with host's port, so that a presigned URL never
// points anywhere else.
func loopbackHost(host string) string {
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		name, port = host, ""
	}
	if ip := net.ParseIP(name); name == "localhost" || (ip != nil && ip.IsLoopback()) {
		return host
	}
	if port == "" {
		return "127.0.0.1"
	}
	return net.JoinHostPort("127.0.0.1", port)
}

// serveUpload stores a file PUT to a presigned URL, refusing it as S3 would
// when the URL was not issued by the endpoint, has expired, or is used
// without the encryption header it was signed with.
func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request) {
	rec := Request{Operation: "PutObject"}
	etag, err := s.upload(r, &rec)
	if err == nil {
		w.Header().Set("ETag", etag)
		w.WriteHeader(http.StatusOK)
	} else {
		var ue *uploadError
		if !errors.As(err, &ue) {
			ue = &uploadError{status: 500, code: "InternalError", message: "We encountered an internal error."}
		}
		rec.ErrorCode = ue.code
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(ue.status)
		_, _ = w.Write(ue.body())
	}
	s.record(rec)
}

// upload checks and stores one upload and returns its ETag.
func (s *Server) upload(r *http.Request, rec *Request) (string, error) {
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, uploadPathPrefix), "/")
	if len(parts) != 4 {
		return "", &uploadError{status: 404, code: "NoSuchKey", message: "The specified key does not exist."}
	}
	userPoolID, jobID := parts[2], parts[3]
	rec.UserPoolID, rec.JobID = userPoolID, jobID

	query := r.URL.Query()
	date := query.Get("X-Amz-Date")
	expected := s.uploadSignature(userPoolID, jobID, date)
	if !hmac.Equal([]byte(expected), []byte(query.Get("X-Amz-Signature"))) ||
		r.Header.Get("X-Amz-Server-Side-Encryption") != "aws:kms" {
		return "", &uploadError{status: 403, code: "SignatureDoesNotMatch",
			message: "The request signature we calculated does not match the signature you provided. " +
				"Check your key and signing method."}
	}
	signed, err := time.Parse(amzDateFormat, date)
	if err != nil || !s.now().Before(signed.Add(uploadValidFor)) {
		return "", &uploadError{status: 403, code: "AccessDenied", message: "Request has expired"}
	}

	file, err := io.ReadAll(io.LimitReader(r.Body, maxUploadBytes+1))
	if err != nil {
		return "", &uploadError{status: 400, code: "IncompleteBody",
			message: "You did not provide the number of bytes specified by the Content-Length HTTP header."}
	}
	if len(file) > maxUploadBytes {
		return "", &uploadError{status: 400, code: "EntityTooLarge",
			message: "Your proposed upload exceeds the maximum allowed size"}
	}

	if !s.UploadCSV(userPoolID, jobID, file) {
		return "", &uploadError{status: 404, code: "NoSuchKey", message: "The specified key does not exist."}
	}
	// The ETag of a single-part upload is the MD5 of its content, which
	// clients may check.
	sum := md5.Sum(file)
	return `"` + hex.EncodeToString(sum[:]) + `"`, nil
}

// uploadError is an error answer of S3.
type uploadError struct {
	status  int
	code    string
	message string
}

func (e *uploadError) Error() string { return e.code + ": " + e.message }

func (e *uploadError) body() []byte {
	b, _ := xml.Marshal(struct {
		XMLName   xml.Name `xml:"Error"`
		Code      string   `xml:"Code"`
		Message   string   `xml:"Message"`
		RequestID string   `xml:"RequestId"`
	}{Code: e.code, Message: e.message, RequestID: requestID()})
	return append([]byte(xml.Header), b...)
}
