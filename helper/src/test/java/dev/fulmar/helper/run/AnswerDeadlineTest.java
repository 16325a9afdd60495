package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.RetransmissionPolicy;
import dev.fulmar.core.ike.ManualSessionLoop;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The IKE_SA_INIT answer deadline of a gateway with a fallback, on a manual loop and clock. */
class AnswerDeadlineTest {
  private final ManualSessionLoop loop = new ManualSessionLoop();
  private final AtomicInteger expired = new AtomicInteger();

  @Test
  void countsTheTransmissionsBeforeALimit() {
    RetransmissionPolicy p = RetransmissionPolicy.defaults(); // sends at 0, 1, 3, 7, 15, 31, 47 s
    assertThat(AnswerDeadline.sendsWithin(p, Duration.ofSeconds(10))).isEqualTo(4);
    assertThat(AnswerDeadline.sendsWithin(p, Duration.ofSeconds(60))).isEqualTo(7);
    assertThat(AnswerDeadline.sendsWithin(p, Duration.ofMillis(500))).isEqualTo(1);
  }

  @Test
  void anAnswerBeforeTheLimitKeepsTheGateway() {
    AnswerDeadline d = new AnswerDeadline(loop, Duration.ofSeconds(10));
    d.start(expired::incrementAndGet);
    loop.advance(Duration.ofSeconds(9));
    d.answered();
    loop.advance(Duration.ofMinutes(1));
    assertThat(expired).hasValue(0);
    assertThat(loop.pendingTimers()).isEmpty();
  }

  @Test
  void noAnswerWithinTheLimitExpiresOnce() {
    AnswerDeadline d = new AnswerDeadline(loop, Duration.ofSeconds(10));
    d.start(expired::incrementAndGet);
    loop.advance(Duration.ofMinutes(1));
    assertThat(expired).hasValue(1);
  }

  @Test
  void aZeroLimitLeavesTheEnginesGiveUp() {
    AnswerDeadline d = new AnswerDeadline(loop, Duration.ZERO);
    d.start(expired::incrementAndGet);
    assertThat(loop.pendingTimers()).isEmpty();
  }
}
