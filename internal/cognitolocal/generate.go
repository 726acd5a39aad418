package cognitolocal

import (
	"fmt"
	"time"
)

// jobStatuses are the statuses GenerateJobs cycles through, finished ones
// first since most jobs of a long-lived pool have ended.
var jobStatuses = []string{"Succeeded", "Failed", "Expired", "Stopped", "Succeeded",
	"InProgress", "Pending", "Created", "Stopping"}

// GenerateJobs makes n distinct jobs for a pool, one a minute going back
// from newest, with ids, names, counts and presigned URLs in the service's
// shapes. The same arguments always give the same jobs.
func GenerateJobs(userPoolID string, n int, newest time.Time) []Job {
	jobs := make([]Job, 0, n)
	for i := range n {
		created := NewEpochTime(newest.Add(-time.Duration(i) * time.Minute))
		id := fmt.Sprintf("import-%s", jobIDSuffix(uint64(i)))
		job := Job{
			JobName:               fmt.Sprintf("generated-batch-%04d", n-i),
			JobId:                 id,
			UserPoolId:            userPoolID,
			PreSignedUrl:          PreSignedURL(userPoolID, id),
			CreationDate:          created,
			Status:                jobStatuses[i%len(jobStatuses)],
			CloudWatchLogsRoleArn: "arn:aws:iam::123456789012:role/CognitoImportLogs",
		}

		switch job.Status {
		case "Succeeded", "Failed", "Stopped":
			started := NewEpochTime(created.Add(5 * time.Second))
			ended := NewEpochTime(created.Add(40 * time.Second))
			job.StartDate, job.CompletionDate = &started, &ended
			job.ImportedUsers, job.SkippedUsers, job.FailedUsers = int64(100+i), int64(i%3), int64(i%7)
			job.CompletionMessage = "Import Job Completed Successfully."
			if job.Status == "Failed" {
				job.CompletionMessage = "Too many users have failed or been skipped during the import."
			}
		case "Expired":
			ended := NewEpochTime(created.Add(24 * time.Hour))
			job.CompletionDate = &ended
			job.CompletionMessage = "The user import job has expired."
		case "InProgress", "Stopping":
			started := NewEpochTime(created.Add(5 * time.Second))
			job.StartDate = &started
		}

		jobs = append(jobs, job)
	}

	return jobs
}

// jobIDSuffix spells i in ten letters and digits, so that every index gives
// a distinct id of the service's length.
func jobIDSuffix(i uint64) string {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	// Spread consecutive indexes over the whole alphabet so ids look random
	// but stay distinct: multiplying by an odd constant is a bijection on
	// uint64.
	x := i*0x9E3779B97F4A7C15 + 0x7F4A7C15
	b := make([]byte, 10)
	for k := range b {
		b[k] = alphabet[x%62]
		x /= 62
	}
	return string(b)
}

// generatedURLDate is when the presigned URLs of generated jobs were
// signed, the day of the service's answers that tests hold.
const generatedURLDate = "20261119T101500Z"

// PreSignedURL is the upload URL of a job the endpoint did not create, in
// the shape of those it gives new jobs, in the region the user pool's id
// names. It names no port, since it cannot know where an endpoint listens,
// and its signature is a placeholder, so that an endpoint refuses an
// upload to it: a job that takes an upload is made by CreateUserImportJob.
func PreSignedURL(userPoolID, jobID string) string {
	return presignedURL("http://127.0.0.1", poolRegion(userPoolID), userPoolID, jobID, generatedURLDate,
		signatureFor(jobID))
}

// signatureFor is a placeholder signature, the same for a job id every
// time, of the length of a real one.
func signatureFor(jobID string) string {
	var h uint64 = 1469598103934665603
	for _, c := range []byte(jobID) {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return fmt.Sprintf("%016x%016x%016x%016x", h, h*3, h*5, h*7)
}
