package dev.fulmar.core.ike;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.Algorithm.Kind;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.EspProposal;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.api.IkeSessionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * strongSwan-style proposal strings ({@code aes256gcm16-prfsha384-x25519-ke1_mlkem768}) for tests
 * and the in-memory responder: a short way to write what the engine's proposal builders take as
 * IANA transforms. Products read proposals with the profiles module's parser; the helper maps them
 * to the builders.
 *
 * <p>The reading follows strongSwan: an IKE proposal without a PRF gets the PRFs of its integrity
 * algorithms, and integrity keywords in an AEAD IKE proposal are read as PRFs.
 */
public final class ProposalStrings {
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("aes128gcm", "aes128gcm16"),
          Map.entry("aes256gcm", "aes256gcm16"),
          Map.entry("aes128gcm128", "aes128gcm16"),
          Map.entry("aes256gcm128", "aes256gcm16"),
          Map.entry("x25519", "curve25519"),
          Map.entry("sha2_256", "sha256"),
          Map.entry("sha2_384", "sha384"),
          Map.entry("sha2_512", "sha512"),
          Map.entry("prfsha2_256", "prfsha256"),
          Map.entry("prfsha2_384", "prfsha384"),
          Map.entry("prfsha2_512", "prfsha512"));

  private ProposalStrings() {}

  /**
   * An IKE proposal from its string.
   *
   * @throws IkeSessionException for an unknown keyword, a weak algorithm or an incomplete proposal
   */
  public static IkeProposal ike(String text) throws IkeSessionException {
    Parsed p = parse(text);
    boolean aead = !p.encryption.isEmpty() && p.encryption.get(0).isAead();
    if (aead) {
      p.integrity.forEach(i -> addOnce(p.prf, prfFor(i)));
      p.integrity.clear();
    } else if (p.prf.isEmpty()) {
      p.integrity.forEach(i -> addOnce(p.prf, prfFor(i)));
    }
    IkeProposal.Builder b = IkeProposal.builder();
    List.of(p.encryption, p.integrity, p.prf, p.keyExchange, p.esn)
        .forEach(list -> list.forEach(b::add));
    for (int slot = 0; slot < p.additional.size(); slot++) {
      int type = 6 + slot;
      p.additional.get(slot).forEach(a -> b.transform(type, a.transformId(), 0));
    }
    return b.build();
  }

  /**
   * An ESP proposal from its string.
   *
   * @throws IkeSessionException for an unknown keyword, a weak algorithm or an incomplete proposal
   */
  public static EspProposal esp(String text) throws IkeSessionException {
    Parsed p = parse(text);
    EspProposal.Builder b = EspProposal.builder();
    List.of(p.encryption, p.integrity, p.prf, p.keyExchange, p.esn)
        .forEach(list -> list.forEach(b::add));
    for (int slot = 0; slot < p.additional.size(); slot++) {
      int type = 6 + slot;
      p.additional.get(slot).forEach(a -> b.transform(type, a.transformId(), 0));
    }
    return b.build();
  }

  /** {@link #ike} for a string the test knows is valid. */
  public static IkeProposal ikeOrFail(String text) {
    try {
      return ike(text);
    } catch (IkeSessionException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** {@link #esp} for a string the test knows is valid. */
  public static EspProposal espOrFail(String text) {
    try {
      return esp(text);
    } catch (IkeSessionException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** The algorithms of one string by transform type; additional.get(n - 1) is keN_. */
  private static final class Parsed {
    final List<Algorithm> encryption = new ArrayList<>();
    final List<Algorithm> integrity = new ArrayList<>();
    final List<Algorithm> prf = new ArrayList<>();
    final List<Algorithm> keyExchange = new ArrayList<>();
    final List<List<Algorithm>> additional = new ArrayList<>();
    final List<Algorithm> esn = new ArrayList<>();

    Parsed() {
      for (int i = 0; i < IkeProposal.MAX_ADDITIONAL_KEY_EXCHANGES; i++) {
        additional.add(new ArrayList<>());
      }
    }
  }

  private static Parsed parse(String text) throws IkeSessionException {
    if (text == null || text.isBlank()) {
      throw invalid("an empty proposal");
    }
    Parsed p = new Parsed();
    for (String raw : text.trim().split("-")) {
      String token = raw.toLowerCase(Locale.ROOT);
      int slot = -1;
      if (token.matches("ke[1-7]_.+")) {
        slot = token.charAt(2) - '1';
        token = token.substring(4);
      }
      Algorithm a = byKeyword(ALIASES.getOrDefault(token, token));
      if (a == null) {
        throw invalid("unknown algorithm \"" + raw + "\" in \"" + text + "\"");
      }
      place(p, a, slot, text);
    }
    return p;
  }

  private static Algorithm byKeyword(String keyword) {
    for (Algorithm a : Algorithm.values()) {
      if (a.keyword().equals(keyword)) {
        return a;
      }
    }
    return null;
  }

  private static void place(Parsed p, Algorithm a, int slot, String text)
      throws IkeSessionException {
    if (slot >= 0) {
      if (a.kind() != Kind.KEY_EXCHANGE) {
        throw invalid(a.keyword() + " is not a key exchange method in \"" + text + "\"");
      }
      addOnce(p.additional.get(slot), a);
      return;
    }
    switch (a.kind()) {
      case ENCRYPTION:
        addOnce(p.encryption, a);
        break;
      case INTEGRITY:
        addOnce(p.integrity, a);
        break;
      case PRF:
        addOnce(p.prf, a);
        break;
      case KEY_EXCHANGE:
        addOnce(p.keyExchange, a);
        break;
      default:
        addOnce(p.esn, a);
    }
  }

  private static void addOnce(List<Algorithm> list, Algorithm a) {
    if (!list.contains(a)) {
      list.add(a);
    }
  }

  /** The PRF that strongSwan derives from an integrity keyword. */
  private static Algorithm prfFor(Algorithm integrity) {
    switch (integrity) {
      case HMAC_SHA2_384_192:
        return Algorithm.PRF_HMAC_SHA2_384;
      case HMAC_SHA2_512_256:
        return Algorithm.PRF_HMAC_SHA2_512;
      default:
        return Algorithm.PRF_HMAC_SHA2_256;
    }
  }

  private static IkeSessionException invalid(String detail) {
    return new IkeSessionException(
        IkeFailure.of(FailureStep.PREPARE, ErrorCode.INVALID_PARAMETERS, "detail", detail));
  }
}
