package dev.fulmar.interop.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {
  /**
   * A /proc/PID/stat line (proc(5)) of a process whose name holds a space and a parenthesis:
   * utime 1234 and stime 567 are fields 14 and 15.
   */
  private static final String STAT = "4242 (charon (x)) S 1 4242 4242 0 -1 4194560 1500 0 0 0"
      + " 1234 567 0 0 20 0 17 0 100 123456 789 18446744073709551615";

  @Test
  void addsUserAndSystemTicksPastAParenthesisedName() {
    assertThat(ProcessCpu.parse(STAT)).isEqualTo(1234 + 567);
  }

  @Test
  void countsThisProcessWhichHasRunCode() {
    assertThat(ProcessCpu.seconds(ProcessHandle.current().pid())).isPositive();
  }

  @Test
  void aProcessThatIsGoneCountsNothing() {
    assertThat(ProcessCpu.ticks(Long.MAX_VALUE)).isZero();
  }
}
