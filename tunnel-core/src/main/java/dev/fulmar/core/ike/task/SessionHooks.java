package dev.fulmar.core.ike.task;

import dev.fulmar.core.ike.sa.ChildSa;
import dev.fulmar.core.ike.sa.SaId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * What tasks may ask of the session that runs them; implemented by the session, one instance per
 * IKE SA. Tasks change the SAs themselves; through these calls the session learns what happened,
 * so that it can report it, arm or disarm timers (by SA id) and move work between IKE SAs.
 */
public interface SessionHooks {
  /** Our socket address as the gateway should see it without NAT (hashed into NAT-D). */
  InetSocketAddress localAddress();

  /** The gateway's address we send to. */
  InetSocketAddress remoteAddress();

  /** Moves IKE to port 4500 with the non-ESP marker (RFC 7296 §2.23). */
  void switchToNatT() throws IOException;

  /** Whether IKE already runs on port 4500. */
  boolean isNatT();

  /** Queues {@code tasks} right after {@code anchor} (e.g. one task per additional key exchange). */
  void insertAfter(Task anchor, List<Task> tasks);

  /** A CHILD SA entered the data path (created or as a rekey's successor): arm its lifetime. */
  void childSaInstalled(ChildSa child);

  /** A CHILD SA rekey concluded: {@code current} carries the traffic of {@code previous}. */
  void childSaRekeyed(ChildSa previous, ChildSa current);

  /** The gateway deleted {@code child} on its own, not to conclude a rekey. */
  void childSaDeletedByPeer(ChildSa child);

  /** Rekey the CHILD SA with our inbound SPI {@code inboundSpi} again after {@code delay}. */
  void retryChildRekey(long inboundSpi, Duration delay);

  /** Rekey this task's IKE SA again after {@code delay}. */
  void retryIkeRekey(Duration delay);

  /** What the session does with the IKE SA a rekey produced (RFC 7296 §2.18, §2.8.1). */
  enum IkeRekeyOutcome {
    /** It replaces this one now: the CHILD SAs and waiting tasks move to it. */
    CURRENT,
    /** The gateway's rekey collided with ours in flight: keep it until ours decides. */
    PENDING,
    /** It lost a collision: delete it. */
    REDUNDANT,
    /**
     * The gateway's rekey, which lost a collision to ours before its IKE_FOLLOWUP_KE rounds were
     * done, completed anyway: the gateway deletes it (RFC 7296 §2.8.1); keep it only to answer.
     */
    SUPERSEDED
  }

  /** A fresh id for an IKE SA a rekey creates. */
  SaId newSaId();

  /** A rekey of this task's IKE SA produced {@code next} (keys installed). */
  void ikeSaRekeyed(RekeyedIkeSa next, IkeRekeyOutcome outcome);

  /**
   * Our IKE SA rekey that collided with the gateway's decided it: {@code adoptPassive} makes the
   * gateway's new SA ({@link IkeRekeyOutcome#PENDING}) the current one; otherwise the gateway
   * deletes it.
   */
  void resolveIkeRekeyCollision(boolean adoptPassive);

  /** The gateway confirmed our addresses (MOBIKE, RFC 4555): report and update the data path. */
  void addressesUpdated();
}
