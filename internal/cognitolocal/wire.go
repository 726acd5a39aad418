package cognitolocal

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Job is one user import job, with the API's own member names so that a
// seed file reads like an answer of the service.
type Job struct {
	JobName               string     `json:"JobName,omitempty"`
	JobId                 string     `json:"JobId,omitempty"`
	UserPoolId            string     `json:"UserPoolId,omitempty"`
	PreSignedUrl          string     `json:"PreSignedUrl,omitempty"`
	CreationDate          EpochTime  `json:"CreationDate"`
	StartDate             *EpochTime `json:"StartDate,omitempty"`
	CompletionDate        *EpochTime `json:"CompletionDate,omitempty"`
	Status                string     `json:"Status,omitempty"`
	CloudWatchLogsRoleArn string     `json:"CloudWatchLogsRoleArn,omitempty"`
	ImportedUsers         int64      `json:"ImportedUsers"`
	SkippedUsers          int64      `json:"SkippedUsers"`
	FailedUsers           int64      `json:"FailedUsers"`
	CompletionMessage     string     `json:"CompletionMessage,omitempty"`
}

// EpochTime is a timestamp of the wire: a JSON number of epoch seconds with
// up to millisecond precision, which is all the service keeps.
type EpochTime struct {
	time.Time
}

// NewEpochTime truncates t to the millisecond, as the service stores it.
func NewEpochTime(t time.Time) EpochTime {
	return EpochTime{Time: t.Truncate(time.Millisecond).UTC()}
}

// UnmarshalJSON reads a number of epoch seconds in any JSON form, the
// exponent form the service sometimes sends included.
func (e *EpochTime) UnmarshalJSON(b []byte) error {
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("timestamp must be a number of epoch seconds: %w", err)
	}

	seconds, err := n.Float64()
	if err != nil {
		return fmt.Errorf("timestamp %s: %w", n, err)
	}

	ms := int64(math.Round(seconds * 1000))
	e.Time = time.UnixMilli(ms).UTC()

	return nil
}

// MarshalJSON writes the plain decimal form, as in 1763461002.853.
func (e EpochTime) MarshalJSON() ([]byte, error) {
	return []byte(formatEpoch(e.Time, false)), nil
}

// formatEpoch writes epoch seconds exactly, without going through a float:
// plainly (1763461002.853) or in the exponent form the service also sends
// (1.763461002853E9), which Go's encoder never writes by itself.
func formatEpoch(t time.Time, exponent bool) string {
	ms := t.UnixMilli()
	sign := ""
	if ms < 0 {
		sign, ms = "-", -ms
	}

	whole := strconv.FormatInt(ms/1000, 10)
	fraction := strings.TrimRight(fmt.Sprintf("%03d", ms%1000), "0")

	if !exponent {
		if fraction == "" {
			return sign + whole
		}
		return sign + whole + "." + fraction
	}

	digits := strings.TrimRight(whole+fraction, "0")
	if digits == "" {
		return "0.0E0"
	}
	mantissa := digits[:1] + "." + digits[1:]
	if len(digits) == 1 {
		mantissa += "0"
	}

	return fmt.Sprintf("%s%sE%d", sign, mantissa, len(whole)-1)
}

// epochNumber is a timestamp already formatted for one answer.
type epochNumber string

func (n epochNumber) MarshalJSON() ([]byte, error) { return []byte(n), nil }

// wireJob is a job as one answer writes it, its timestamps in the form the
// pool's options ask for. Its timestamp fields shadow the job's own, which
// encoding/json then leaves out: a field less deeply embedded wins.
type wireJob struct {
	Job
	CreationDate   epochNumber  `json:"CreationDate"`
	StartDate      *epochNumber `json:"StartDate,omitempty"`
	CompletionDate *epochNumber `json:"CompletionDate,omitempty"`
}

func (j Job) wire(exponent bool) wireJob {
	format := func(t *EpochTime) *epochNumber {
		if t == nil {
			return nil
		}
		n := epochNumber(formatEpoch(t.Time, exponent))
		return &n
	}

	return wireJob{
		Job:            j,
		CreationDate:   *format(&j.CreationDate),
		StartDate:      format(j.StartDate),
		CompletionDate: format(j.CompletionDate),
	}
}

// apiError is an error answer of the service.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

func errorBody(code, message string) []byte {
	b, _ := json.Marshal(struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}{code, message})
	return b
}

// errUnsigned reports that the signer produced no Authorization header.
var errUnsigned = errors.New("the signer produced no signature")
