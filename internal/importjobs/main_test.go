package importjobs_test

import (
	"os"
	"testing"

	"github.com/cognito-tf/terraform-provider-cognito/internal/acctest"
)

func TestMain(m *testing.M) {
	os.Exit(acctest.Main(m))
}
