package dev.fulmar.core.ike;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.Algorithm.Kind;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.EspProposal;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.core.api.ProposalBuilder;
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
  private static final int ENCR = 1;
  private static final int PRF = 2;
  private static final int INTEG = 3;
  /** keN_ is transform type 5 + n, ADDKEn (RFC 9370 §2.2). */
  private static final int ADDKE_BASE = 5;

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

  /** One keyword: an algorithm and the IANA transform type it goes to (6..12 for keN_). */
  private record Token(int type, Algorithm algorithm) {}

  private ProposalStrings() {}

  /**
   * An IKE proposal from its string.
   *
   * @throws IkeSessionException for an unknown keyword, a weak algorithm or an incomplete proposal
   */
  public static IkeProposal ike(String text) throws IkeSessionException {
    List<Token> tokens = parse(text);
    boolean aead = tokens.stream().filter(t -> t.type == ENCR).findFirst()
        .map(t -> t.algorithm.isAead()).orElse(false);
    boolean hasPrf = tokens.stream().anyMatch(t -> t.type == PRF);
    if (aead || !hasPrf) {
      List<Token> integrity = tokens.stream().filter(t -> t.type == INTEG).toList();
      if (aead) {
        tokens.removeAll(integrity);
      }
      integrity.forEach(t -> tokens.add(new Token(PRF, prfFor(t.algorithm))));
    }
    return feed(IkeProposal.builder(), tokens).build();
  }

  /**
   * An ESP proposal from its string.
   *
   * @throws IkeSessionException for an unknown keyword, a weak algorithm or an incomplete proposal
   */
  public static EspProposal esp(String text) throws IkeSessionException {
    return feed(EspProposal.builder(), parse(text)).build();
  }

  private static <P> ProposalBuilder<P> feed(ProposalBuilder<P> b, List<Token> tokens) {
    tokens.forEach(t -> b.transform(t.type, t.algorithm.transformId(), t.algorithm.keyBits()));
    return b;
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

  private static List<Token> parse(String text) throws IkeSessionException {
    if (text == null || text.isBlank()) {
      throw invalid("an empty proposal");
    }
    List<Token> tokens = new ArrayList<>();
    for (String raw : text.trim().split("-")) {
      String keyword = raw.toLowerCase(Locale.ROOT);
      int slot = 0;
      if (keyword.matches("ke[1-7]_.+")) {
        slot = keyword.charAt(2) - '0';
        keyword = keyword.substring(4);
      }
      Algorithm a = byKeyword(ALIASES.getOrDefault(keyword, keyword));
      if (a == null) {
        throw invalid("unknown algorithm \"" + raw + "\" in \"" + text + "\"");
      }
      if (slot > 0 && a.kind() != Kind.KEY_EXCHANGE) {
        throw invalid(a.keyword() + " is not a key exchange method in \"" + text + "\"");
      }
      tokens.add(new Token(slot > 0 ? ADDKE_BASE + slot : a.kind().transformType(), a));
    }
    return tokens;
  }

  private static Algorithm byKeyword(String keyword) {
    for (Algorithm a : Algorithm.values()) {
      if (a.keyword().equals(keyword)) {
        return a;
      }
    }
    return null;
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
