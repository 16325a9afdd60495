package dev.fulmar.helper.run;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.RetransmissionPolicy;
import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.spi.AddressText;
import java.net.InetAddress;
import java.time.Duration;

/**
 * How long a gateway that has a fallback after it may take to answer IKE_SA_INIT before the
 * fallback is tried: {@code limit} instead of the engine's full retransmission give-up, so that a
 * dead primary costs seconds, not a minute. Once the gateway answered, authentication may take as
 * long as it takes. One deadline per attempt; used on the supervisor's loop only.
 */
final class AnswerDeadline {
  private final SessionLoop loop;
  private final Duration limit;
  private SessionLoop.Timer timer;
  private boolean answered;

  /** @param limit the time to answer; zero leaves the engine's own give-up in force */
  AnswerDeadline(SessionLoop loop, Duration limit) {
    this.loop = loop;
    this.limit = limit;
  }

  /** A new attempt begins: nothing answered yet, no deadline running. */
  void reset() {
    answered = false;
    cancel();
  }

  /** Starts the deadline of this attempt: {@code expired} runs if no answer came in time. */
  void start(Runnable expired) {
    if (limit.isZero()) {
      return;
    }
    timer = loop.schedule(limit, () -> {
      timer = null;
      if (!answered) {
        expired.run();
      }
    });
  }

  /** The gateway answered: the deadline no longer applies. */
  void answered() {
    answered = true;
    cancel();
  }

  /** Stops the deadline, if one runs. */
  void cancel() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  /** The failure that an expired deadline reports for {@code gateway}. */
  IkeFailure unanswered(InetAddress gateway) {
    return IkeFailure.of(FailureStep.IKE_SA_INIT, ErrorCode.GATEWAY_UNREACHABLE,
        "gateway", AddressText.of(gateway), "exchange", "IKE_SA_INIT",
        "attempts", String.valueOf(sendsWithin(RetransmissionPolicy.defaults(), limit)),
        "seconds", String.valueOf(limit.toSeconds()));
  }

  /** How many times a request is sent under {@code policy} before {@code limit} passes. */
  static int sendsWithin(RetransmissionPolicy policy, Duration limit) {
    int sends = 1;
    Duration at = Duration.ZERO;
    for (int i = 0; ; i++) {
      at = at.plus(policy.timeoutAfter(i));
      if (at.compareTo(limit) >= 0 || at.compareTo(policy.giveUpAfter()) >= 0) {
        return sends;
      }
      sends++;
    }
  }
}
