package importjobs

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	fwtypes "github.com/hashicorp/terraform-plugin-framework/types"
)

var timeoutsAttrTypes = map[string]attr.Type{"read": fwtypes.StringType}

func timeoutsOf(read string) timeouts.Value {
	return timeouts.Value{Object: fwtypes.ObjectValueMust(timeoutsAttrTypes,
		map[string]attr.Value{"read": fwtypes.StringValue(read)})}
}

func TestReadTimeoutValidator_refusesWhatIsNoDurationOrTooShort(t *testing.T) {
	for _, value := range []string{"soon", "30", "0s", "500ms", "-1m"} {
		var resp validator.StringResponse
		readTimeoutValidator{}.ValidateString(context.Background(), validator.StringRequest{
			Path:        path.Root("timeouts").AtName("read"),
			ConfigValue: fwtypes.StringValue(value),
		}, &resp)

		want := `timeouts.read must be a duration such as "30s" or "2m", at least 1s; got "` + value
		if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics[0].Detail(), want) {
			t.Errorf("read = %q gave %v, expected an error saying %s", value, resp.Diagnostics, want)
		}
	}
}

func TestReadTimeoutValidator_acceptsDurationsOfASecondOrMore(t *testing.T) {
	for _, value := range []string{"1s", "90s", "2m", "1h30m"} {
		var resp validator.StringResponse
		readTimeoutValidator{}.ValidateString(context.Background(), validator.StringRequest{
			Path:        path.Root("timeouts").AtName("read"),
			ConfigValue: fwtypes.StringValue(value),
		}, &resp)

		if resp.Diagnostics.HasError() {
			t.Errorf("read = %q was refused: %v", value, resp.Diagnostics)
		}
	}
}

func TestWithReadTimeout_defaultsToFiveMinutes(t *testing.T) {
	for name, value := range map[string]timeouts.Value{
		"no block":   {Object: fwtypes.ObjectNull(timeoutsAttrTypes)},
		"no read in": {Object: fwtypes.ObjectValueMust(timeoutsAttrTypes, map[string]attr.Value{"read": fwtypes.StringNull()})},
	} {
		ctx, cancel, timeout, diags := withReadTimeout(context.Background(), value)
		defer cancel()

		deadline, ok := ctx.Deadline()
		if diags.HasError() || !ok || timeout != 5*time.Minute ||
			time.Until(deadline) > 5*time.Minute || time.Until(deadline) < 4*time.Minute {
			t.Errorf("%s: got timeout %s and deadline in %s (%v), expected 5m", name, timeout,
				time.Until(deadline), diags)
		}
	}
}

func TestWithReadTimeout_endsTheReadAtTheConfiguredTimeout(t *testing.T) {
	ctx, cancel, timeout, diags := withReadTimeout(context.Background(), timeoutsOf("1s"))
	defer cancel()
	if diags.HasError() || timeout != time.Second {
		t.Fatalf("got timeout %s (%v), expected 1s", timeout, diags)
	}

	<-ctx.Done()
	err := explainStop(ctx, timeout, ctx.Err())

	var stopped *stoppedReadError
	if !errors.As(err, &stopped) || stopped.timeout != time.Second {
		t.Errorf("got %v, expected the read to have stopped at its 1s timeout", err)
	}
}

func TestExplainStop_tellsAnInterruptFromATimeoutAndLeavesOtherErrors(t *testing.T) {
	failure := errors.New("a failure of its own")
	if err := explainStop(context.Background(), time.Minute, failure); err != failure {
		t.Errorf("a read whose context has not ended got %v, expected its error unchanged", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stopped *stoppedReadError
	err := explainStop(ctx, time.Minute, ctx.Err())
	if !errors.As(err, &stopped) || stopped.timeout != 0 {
		t.Errorf("an interrupted read got %v, expected a stop that is not the timeout", err)
	}
}

func TestShortDuration_writesDurationsAsUsersDo(t *testing.T) {
	for d, want := range map[time.Duration]string{
		5 * time.Minute: "5m", 2 * time.Hour: "2h", 1500 * time.Millisecond: "1.5s", 90 * time.Second: "1m30s",
	} {
		if got := shortDuration(d); got != want {
			t.Errorf("shortDuration(%s) is %q, expected %q", d, got, want)
		}
	}
}
