package dev.fulmar.profiles.model;

import java.time.Duration;

/**
 * Liveness and rekeying: dead-peer detection interval (zero: off), NAT keepalive interval, and the
 * IKE and CHILD SA lifetimes after which the client rekeys.
 */
public record Timers(
    Duration dpdInterval, Duration natKeepalive, Duration ikeLifetime, Duration childLifetime) {

  public static final Timers DEFAULTS =
      new Timers(
          Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofHours(4), Duration.ofHours(1));

  public Timers {
    java.util.Objects.requireNonNull(dpdInterval, "dpdInterval");
    java.util.Objects.requireNonNull(natKeepalive, "natKeepalive");
    java.util.Objects.requireNonNull(ikeLifetime, "ikeLifetime");
    java.util.Objects.requireNonNull(childLifetime, "childLifetime");
  }
}
