package cognitolocal

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"
)

// The statuses of a user import job.
const (
	StatusCreated    = "Created"
	StatusPending    = "Pending"
	StatusInProgress = "InProgress"
	StatusStopping   = "Stopping"
	StatusStopped    = "Stopped"
	StatusExpired    = "Expired"
	StatusFailed     = "Failed"
	StatusSucceeded  = "Succeeded"
)

// importResult is what a started job ends with.
type importResult struct {
	status                    string
	imported, skipped, failed int64
	message                   string
}

func epochPointer(t time.Time) *EpochTime {
	e := NewEpochTime(t)
	return &e
}

// refresh moves a driven job through every state its lifecycle has passed
// by now. Statuses are worked out when a job is looked at rather than by a
// timer, so that a test's clock alone decides them.
func (j *storedJob) refresh(now time.Time, lc Lifecycle) {
	if !j.driven {
		return
	}

	for {
		var next time.Time
		switch {
		case j.Status == StatusCreated:
			next = j.CreationDate.Add(lc.ExpireAfter)
		case j.Status == StatusPending && j.StartDate != nil:
			next = j.StartDate.Add(lc.PendingFor)
		case j.Status == StatusInProgress && j.StartDate != nil:
			next = j.StartDate.Add(lc.PendingFor + lc.ImportFor)
		case j.Status == StatusStopping:
			next = j.stopRequested.Add(lc.StoppingFor)
		default:
			return
		}
		if now.Before(next) {
			return
		}

		switch j.Status {
		case StatusCreated:
			j.Status = StatusExpired
			j.CompletionDate = epochPointer(next)
			j.CompletionMessage = "The user import job has expired."
		case StatusPending:
			j.Status = StatusInProgress
		case StatusInProgress:
			j.Status = j.result.status
			j.ImportedUsers, j.SkippedUsers, j.FailedUsers =
				j.result.imported, j.result.skipped, j.result.failed
			j.CompletionDate = epochPointer(next)
			j.CompletionMessage = j.result.message
		case StatusStopping:
			j.Status = StatusStopped
			j.CompletionDate = epochPointer(next)
			j.CompletionMessage = "The user import job has been stopped."
		}
	}
}

// start starts a created job whose file has been uploaded, deciding from
// the file how the job will end.
func (j *storedJob) start(now time.Time, header []string) error {
	if j.Status != StatusCreated {
		return &apiError{status: 400, code: "PreconditionNotMetException",
			message: fmt.Sprintf("Import job %s is %s; only a Created job can be started.",
				j.JobId, j.Status)}
	}
	if j.csv == nil {
		return &apiError{status: 400, code: "PreconditionNotMetException",
			message: fmt.Sprintf("No CSV file has been uploaded for import job %s.", j.JobId)}
	}

	j.driven = true
	j.Status = StatusPending
	j.StartDate = epochPointer(now)
	j.result = judge(j.csv, header)

	return nil
}

// stop asks a job that is pending or in progress to stop.
func (j *storedJob) stop(now time.Time) error {
	if j.Status != StatusPending && j.Status != StatusInProgress {
		return &apiError{status: 400, code: "PreconditionNotMetException",
			message: fmt.Sprintf("Import job %s is %s; only a Pending or InProgress job can be stopped.",
				j.JobId, j.Status)}
	}

	// A stopped job reports no imported users: the endpoint imports
	// nobody, and how many the service had imported before stopping
	// depends on timing no test can rely on.
	j.driven = true
	j.Status = StatusStopping
	j.stopRequested = now

	return nil
}

// NOTE: the endpoint imports nobody; judge only counts the users a file
// would bring, so that a job ends with believable counts.
//
// judge reads an uploaded file as the service would import it: a header of
// columns the pool knows, cognito:username among them, then one user a
// row. A row of the wrong width or without a user name fails; a user name
// seen before is skipped. A bad header fails the whole job.
func judge(file []byte, header []string) importResult {
	r := csv.NewReader(bytes.NewReader(file))
	columns, err := r.Read()
	if err != nil {
		return importResult{status: StatusFailed, message: "The CSV file has no header row."}
	}

	username := slices.Index(columns, "cognito:username")
	unknown := slices.ContainsFunc(columns, func(c string) bool { return !slices.Contains(header, c) })
	if username < 0 || unknown {
		rows := int64(0)
		for {
			_, err := r.Read()
			var parseError *csv.ParseError
			if err != nil && !errors.As(err, &parseError) {
				break
			}
			rows++
		}
		return importResult{status: StatusFailed, failed: rows,
			message: "The CSV header must name cognito:username and only the user pool's attributes."}
	}

	var result importResult
	seen := make(map[string]bool)
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var parseError *csv.ParseError
		switch {
		case errors.As(err, &parseError):
			result.failed++
		case err != nil:
			result.failed++
			return finish(result)
		case row[username] == "":
			result.failed++
		case seen[row[username]]:
			result.skipped++
		default:
			seen[row[username]] = true
			result.imported++
		}
	}

	return finish(result)
}

func finish(result importResult) importResult {
	if result.imported == 0 && result.failed+result.skipped > 0 {
		result.status = StatusFailed
		result.message = "Too many users have failed or been skipped during the import."
		return result
	}

	result.status = StatusSucceeded
	result.message = "Import Job Completed Successfully."
	return result
}
