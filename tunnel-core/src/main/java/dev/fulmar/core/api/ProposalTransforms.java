package dev.fulmar.core.api;

import dev.fulmar.core.api.Algorithm.Kind;
import dev.fulmar.core.ike.crypto.AlgorithmPolicy;
import dev.fulmar.core.ike.crypto.Algorithms;
import dev.fulmar.core.ike.crypto.RefusedAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The IANA transforms of one proposal (type, ID, key length), as the helper maps them from a
 * profile, resolved into the engine's {@link Algorithm}s. Weak algorithms are refused by name and
 * unsupported ones with the reason, both as {@link AlgorithmPolicy} decides, so that no caller can
 * build a proposal that downgrades. The shape rules common to IKE and ESP proposals live here too.
 */
final class ProposalTransforms {
  private static final int ESN_TYPE = 5;
  private static final int FIRST_ADDITIONAL_KE_TYPE = 6;

  private record Requested(int type, int id, int keyBits) {}

  /** The algorithms of one proposal by transform type; {@code additional.get(n - 1)} is ADDKEn. */
  static final class Resolved {
    final List<Algorithm> encryption = new ArrayList<>();
    final List<Algorithm> integrity = new ArrayList<>();
    final List<Algorithm> prf = new ArrayList<>();
    final List<Algorithm> keyExchange = new ArrayList<>();
    final List<List<Algorithm>> additional = new ArrayList<>();
    final List<Algorithm> esn = new ArrayList<>();

    Resolved() {
      for (int i = 0; i < IkeProposal.MAX_ADDITIONAL_KEY_EXCHANGES; i++) {
        additional.add(new ArrayList<>());
      }
    }

    boolean hasAdditional() {
      return additional.stream().anyMatch(slot -> !slot.isEmpty());
    }

    /** The proposal in strongSwan syntax and quotes, for messages. */
    String quoted() {
      return "\"" + format(encryption, integrity, prf, keyExchange, additional, esn) + "\"";
    }
  }

  private final List<Requested> requested = new ArrayList<>();

  void add(int type, int id, int keyBits) {
    requested.add(new Requested(type, id, keyBits));
  }

  /**
   * The requested transforms as algorithms, each once, in the order given.
   *
   * @throws IkeSessionException {@link ErrorCode#WEAK_ALGORITHM} naming every weak algorithm, or
   *     {@link ErrorCode#INVALID_PARAMETERS} for a transform the engine does not implement
   */
  Resolved resolve() throws IkeSessionException {
    refuseWeak();
    Resolved r = new Resolved();
    for (Requested t : requested) {
      Algorithm a = supported(t);
      List<Algorithm> list = slot(r, t.type);
      if (!list.contains(a)) {
        list.add(a);
      }
    }
    return r;
  }

  private void refuseWeak() throws IkeSessionException {
    Set<String> weak = new LinkedHashSet<>();
    for (Requested t : requested) {
      Optional<Kind> kind = Kind.ofTransformType(t.type);
      if (kind.isPresent() && kind.get().crypto() != null
          && AlgorithmPolicy.isWeak(kind.get().crypto(), t.id)) {
        weak.add(find(kind.get(), t)
            .map(Algorithm::displayName)
            .orElse(Algorithms.name(kind.get().crypto(), t.id)));
      }
    }
    if (!weak.isEmpty()) {
      throw new IkeSessionException(IkeFailure.of(FailureStep.PREPARE,
          ErrorCode.WEAK_ALGORITHM, "who", "the profile asks for",
          "algorithm", String.join(", ", weak)));
    }
  }

  private static Algorithm supported(Requested t) throws IkeSessionException {
    Kind kind = Kind.ofTransformType(t.type).orElseThrow(() -> invalid(
        "transform type " + t.type + " does not belong in a proposal"));
    if (kind != Kind.ENCRYPTION && t.keyBits != 0) {
      throw invalid("transform type " + t.type + " takes no key length (" + t.keyBits + " bits)");
    }
    if (kind == Kind.KEY_EXCHANGE && t.id == Algorithms.KE_NONE) {
      if (t.type < FIRST_ADDITIONAL_KE_TYPE) {
        throw invalid("\"none\" is only allowed as an additional key exchange (keN_none)");
      }
      return Algorithm.KE_NONE;
    }
    if (kind.crypto() != null) {
      try {
        if (kind == Kind.ENCRYPTION) {
          AlgorithmPolicy.checkEncryption(t.id, t.keyBits);
        } else {
          AlgorithmPolicy.check(kind.crypto(), t.id);
        }
      } catch (RefusedAlgorithmException e) {
        throw invalid(e.getMessage());
      }
    }
    return find(kind, t).orElseThrow(() -> invalid(
        "transform " + t.id + " of type " + t.type + " is not one the engine negotiates"));
  }

  private static Optional<Algorithm> find(Kind kind, Requested t) {
    return Algorithm.find(kind, t.id, t.keyBits);
  }

  private static List<Algorithm> slot(Resolved r, int type) {
    switch (type) {
      case 1:
        return r.encryption;
      case 2:
        return r.prf;
      case 3:
        return r.integrity;
      case 4:
        return r.keyExchange;
      case ESN_TYPE:
        return r.esn;
      default:
        return r.additional.get(type - FIRST_ADDITIONAL_KE_TYPE);
    }
  }

  /**
   * Checks the ciphers and integrity algorithms of a proposal: at least one cipher, AEAD and
   * non-AEAD ciphers not mixed, integrity with a non-AEAD cipher and none with an AEAD one.
   *
   * @return whether the proposal's ciphers are AEADs
   */
  static boolean checkCiphers(Resolved r) throws IkeSessionException {
    String what = r.quoted();
    if (r.encryption.isEmpty()) {
      throw invalid("no encryption algorithm in " + what);
    }
    boolean aead = r.encryption.get(0).isAead();
    if (r.encryption.stream().anyMatch(a -> a.isAead() != aead)) {
      throw invalid("AEAD and non-AEAD ciphers must be in separate proposals: " + what);
    }
    if (aead && !r.integrity.isEmpty()) {
      throw invalid("an AEAD cipher takes no integrity algorithm: " + what);
    }
    if (!aead && r.integrity.isEmpty()) {
      throw invalid("no integrity algorithm in " + what);
    }
    return aead;
  }

  /**
   * strongSwan's proposal syntax, in which proposals are shown, e.g. {@code
   * aes256gcm16-prfsha384-curve25519-ke1_mlkem768}.
   */
  static String format(List<Algorithm> encryption, List<Algorithm> integrity,
      List<Algorithm> prf, List<Algorithm> keyExchange, List<List<Algorithm>> additional,
      List<Algorithm> esn) {
    List<String> parts = new ArrayList<>();
    for (List<Algorithm> list : List.of(encryption, integrity, prf, keyExchange)) {
      list.forEach(a -> parts.add(a.keyword()));
    }
    for (int i = 0; i < additional.size(); i++) {
      String prefix = "ke" + (i + 1) + "_";
      additional.get(i).forEach(a -> parts.add(prefix + a.keyword()));
    }
    esn.forEach(a -> parts.add(a.keyword()));
    return String.join("-", parts);
  }

  /** No algorithm for null, else just {@code a}. */
  static List<Algorithm> optional(Algorithm a) {
    return a == null ? List.of() : List.of(a);
  }

  static IkeSessionException invalid(String detail) {
    return new IkeSessionException(
        IkeFailure.of(FailureStep.PREPARE, ErrorCode.INVALID_PARAMETERS, "detail", detail));
  }
}
