package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.ike.crypto.InvalidKeyExchangeException;
import dev.fulmar.core.ike.crypto.KeyExchange;
import dev.fulmar.core.ike.crypto.KeyExchangeResponse;
import dev.fulmar.core.ike.crypto.KeyExchanges;
import dev.fulmar.core.ike.crypto.RefusedAlgorithmException;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.KePayload;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import dev.fulmar.core.ike.message.Payload;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The key exchanges of one CREATE_CHILD_SA and the IKE_FOLLOWUP_KE exchanges after it (RFC 9370
 * §2.2.4), in either role:
 *
 * <pre>
 *   CREATE_CHILD_SA  {SA, Ni, KEi(0), ...}  -->
 *                              <--  {SA, Nr, KEr(0), N(ADDITIONAL_KEY_EXCHANGE)(link)}
 *   IKE_FOLLOWUP_KE  {N(ADDITIONAL_KEY_EXCHANGE)(link), KEi(1)}  -->  <--  {KEr(1), [N(link')]}
 *   ...
 * </pre>
 *
 * It keeps the method of each round, the shared secrets SK(0), SK(1), ... in order for the key
 * derivation, and the link the responder hands out (the initiator echoes the latest one it
 * received). Secrets are wiped by {@link #wipe()}.
 */
final class KeyExchangeRounds {
  private final List<Algorithm> methods = new ArrayList<>();
  private final List<byte[]> secrets = new ArrayList<>();
  private final FailureStep step;
  private KeyExchange pending;
  private byte[] link;

  /** Rounds starting with {@code first} (null: no key exchange at all, no PFS). */
  KeyExchangeRounds(Algorithm first, FailureStep step) {
    this.step = step;
    if (first != null) {
      methods.add(first);
    }
  }

  /** Adds the additional key exchanges the proposal settled on. */
  void addAdditional(List<Algorithm> additional) {
    methods.addAll(additional);
  }

  boolean isEmpty() {
    return methods.isEmpty();
  }

  /** The methods of all rounds, in order (for the suite and the events). */
  List<Algorithm> methods() {
    return List.copyOf(methods);
  }

  /** The method of the first round, or null without key exchange. */
  Algorithm first() {
    return methods.isEmpty() ? null : methods.get(0);
  }

  /** Whether every round has its secret. */
  boolean done() {
    return secrets.size() >= methods.size();
  }

  /** Whether rounds after the first one are left (IKE_FOLLOWUP_KE exchanges to run). */
  boolean followupsLeft() {
    return !done() && !secrets.isEmpty();
  }

  /** As initiator: our KE payload for the next round. */
  KePayload initiate(SecureRandom random) throws TaskFailure {
    Algorithm m = methods.get(secrets.size());
    if (pending != null) {
      pending.destroy();
    }
    try {
      pending = KeyExchanges.initiate(m.transformId(), random);
    } catch (GeneralSecurityException e) {
      throw TaskFailure.of(step, ErrorCode.INTERNAL_ERROR,
          "detail", "key exchange " + m + ": " + e.getMessage()).causedBy(e);
    }
    return new KePayload(IkeInitTask.kem(m), pending.publicValue());
  }

  /** As initiator: the responder's KE payload of the current round gives its secret. */
  void complete(KePayload theirs) throws TaskFailure {
    Algorithm m = methods.get(secrets.size());
    if (pending == null || theirs.method().value() != m.transformId()) {
      throw Proposals.protocol(step, "the gateway answered KE " + theirs.method() + " where "
          + m + " was due");
    }
    try {
      secrets.add(pending.computeSharedSecret(theirs.data()));
    } catch (InvalidKeyExchangeException e) {
      throw Proposals.protocol(step, "the gateway's key exchange data is invalid: "
          + e.getMessage());
    } finally {
      pending.destroy();
      pending = null;
    }
  }

  /**
   * As responder: answers the initiator's KE payload of the current round, keeping the secret.
   *
   * @return our KE payload, or the error notify to answer with
   */
  Object respond(KePayload theirs, SecureRandom random) {
    Algorithm m = methods.get(secrets.size());
    if (theirs.method().value() != m.transformId()) {
      return NotifyPayload.of(NotifyType.INVALID_KE_PAYLOAD,
          new byte[] {(byte) (m.transformId() >>> 8), (byte) m.transformId()});
    }
    try {
      KeyExchangeResponse r = KeyExchanges.respond(m.transformId(), theirs.data(), random);
      try {
        secrets.add(r.sharedSecret());
        return new KePayload(IkeInitTask.kem(m), r.publicValue());
      } finally {
        r.destroy();
      }
    } catch (RefusedAlgorithmException | InvalidKeyExchangeException e) {
      return NotifyPayload.of(NotifyType.NO_PROPOSAL_CHOSEN);
    }
  }

  /**
   * As initiator: takes the link from the CREATE_CHILD_SA response, which must carry one when
   * rounds are left.
   */
  void takeLink(IkeMessage response) throws TaskFailure {
    setLink(response.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).orElseThrow(
        () -> Proposals.protocol(step, "no ADDITIONAL_KEY_EXCHANGE notify for the"
            + " additional key exchanges")).data());
  }

  /** As initiator: the IKE_FOLLOWUP_KE request {N(ADDITIONAL_KEY_EXCHANGE)(link), KEi(n)}. */
  void buildFollowup(List<Payload> out, SecureRandom random) throws TaskFailure {
    out.add(NotifyPayload.of(NotifyType.ADDITIONAL_KEY_EXCHANGE, link()));
    out.add(initiate(random));
  }

  /**
   * As initiator: the IKE_FOLLOWUP_KE response {KEr(n), [N(ADDITIONAL_KEY_EXCHANGE)(link)]}
   * completes its round and hands over the next link, if any.
   *
   * @return whether every round is done
   */
  boolean completeFollowup(IkeMessage response) throws TaskFailure {
    complete(response.first(KePayload.class).orElseThrow(
        () -> Proposals.protocol(step, "the IKE_FOLLOWUP_KE response has no KE payload")));
    response.notify(NotifyType.ADDITIONAL_KEY_EXCHANGE).ifPresent(n -> setLink(n.data()));
    return done();
  }

  /** The link to echo (initiator) or to check (responder), or null. */
  byte[] link() {
    return link == null ? null : link.clone();
  }

  void setLink(byte[] value) {
    this.link = value == null ? null : value.clone();
  }

  /** Whether {@code value} is the link handed out (responder, constant time). */
  boolean linkMatches(byte[] value) {
    return link != null && java.security.MessageDigest.isEqual(link, value);
  }

  /** The secrets SK(0..n) in order (the list itself; {@link #wipe()} clears them). */
  List<byte[]> secrets() {
    return secrets;
  }

  /** Forgets the pending private key and wipes every secret. */
  void wipe() {
    if (pending != null) {
      pending.destroy();
      pending = null;
    }
    secrets.forEach(s -> Arrays.fill(s, (byte) 0));
    secrets.clear();
  }
}
