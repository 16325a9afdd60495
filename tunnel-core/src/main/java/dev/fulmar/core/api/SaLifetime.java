package dev.fulmar.core.api;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long an IKE or CHILD SA is used before it is rekeyed, and when it expires if the rekey never
 * happened (RFC 7296 §2.8): the rekey starts {@code rekeyAfter} minus a random part of {@code
 * jitter} after the SA was created (so that two peers with the same settings rarely rekey at the
 * same moment, §2.8.1), and an SA still in use at {@code expireAfter} is deleted. The defaults
 * follow strongSwan: IKE SAs rekey after 4 h, CHILD SAs after 1 h, each with 10 % jitter and a
 * hard limit 10 % later.
 *
 * @param rekeyAfter when to rekey, at the latest
 * @param jitter up to how much earlier the rekey may start (less than {@code rekeyAfter})
 * @param expireAfter when the SA is deleted if it was not rekeyed (at least {@code rekeyAfter})
 */
public record SaLifetime(Duration rekeyAfter, Duration jitter, Duration expireAfter) {

  public SaLifetime {
    Objects.requireNonNull(rekeyAfter, "rekeyAfter");
    Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(expireAfter, "expireAfter");
    if (rekeyAfter.isNegative() || rekeyAfter.isZero()) {
      throw new IllegalArgumentException("rekey time must be positive, got " + rekeyAfter);
    }
    if (jitter.isNegative() || jitter.compareTo(rekeyAfter) >= 0) {
      throw new IllegalArgumentException(
          "jitter " + jitter + " must be at least 0 and less than the rekey time " + rekeyAfter);
    }
    if (expireAfter.compareTo(rekeyAfter) < 0) {
      throw new IllegalArgumentException(
          "expiry " + expireAfter + " comes before the rekey time " + rekeyAfter);
    }
  }

  /** Rekey after {@code rekeyAfter} with 10 % jitter, expire 10 % later. */
  public static SaLifetime of(Duration rekeyAfter) {
    Duration tenth = rekeyAfter.dividedBy(10);
    return new SaLifetime(rekeyAfter, tenth, rekeyAfter.plus(tenth));
  }

  /** IKE SA: rekey after 4 h (up to 24 min earlier), expire after 4 h 24 min. */
  public static SaLifetime ikeDefaults() {
    return of(Duration.ofHours(4));
  }

  /** CHILD SA: rekey after 1 h (up to 6 min earlier), expire after 1 h 6 min. */
  public static SaLifetime childDefaults() {
    return of(Duration.ofHours(1));
  }

  /** The rekey delay of one SA: {@code rekeyAfter} minus a random part of {@code jitter}. */
  public Duration pickRekeyDelay(RandomGenerator random) {
    long j = jitter.toMillis();
    return j <= 0 ? rekeyAfter : rekeyAfter.minusMillis(random.nextLong(j + 1));
  }
}
