package dev.fulmar.core.api;

import java.util.List;

/**
 * Builds an {@link IkeProposal} or {@link EspProposal} from IANA transforms (RFC 7296 §3.3.2, RFC
 * 9370 §2.2): type, transform ID and Key Length attribute, as the helper maps a profile's
 * algorithms. {@link #build()} checks every transform against the engine's algorithm policy, so a
 * weak one can never be offered, then the shape of the proposal. Get one from {@link
 * IkeProposal#builder()} or {@link EspProposal#builder()}.
 *
 * @param <P> the proposal type
 */
public final class ProposalBuilder<P> {
  /** The checks and construction of one proposal type from its resolved transforms. */
  interface Shape<P> {
    P build(ProposalTransforms.Resolved transforms) throws IkeSessionException;
  }

  private final ProposalTransforms transforms = new ProposalTransforms();
  private final Shape<P> shape;

  ProposalBuilder(Shape<P> shape) {
    this.shape = shape;
  }

  /**
   * Adds one transform: type 1 (ENCR), 2 (PRF, IKE only), 3 (INTEG), 4 (KE), 5 (ESN, ESP only) or
   * 6..12 (ADDKE1..7, IKE only; ID 0 makes that additional key exchange optional). {@code
   * keyLength} is the Key Length attribute in bits, 0 for none. Repeats are ignored.
   */
  public ProposalBuilder<P> transform(int type, int id, int keyLength) {
    transforms.add(type, id, keyLength);
    return this;
  }

  /** Adds an algorithm in its own transform type (a key exchange goes to type 4, KE). */
  public ProposalBuilder<P> add(Algorithm a) {
    return transform(a.kind().transformType(), a.transformId(), a.keyBits());
  }

  /**
   * The proposal.
   *
   * @throws IkeSessionException with {@link ErrorCode#WEAK_ALGORITHM} naming the weak
   *     algorithms, or {@link ErrorCode#INVALID_PARAMETERS} for an unsupported algorithm or an
   *     incomplete or inconsistent proposal
   */
  public P build() throws IkeSessionException {
    return shape.build(transforms.resolve());
  }

  /** One of the engine's built-in proposals, which name only algorithms it offers. */
  static <P> P builtIn(ProposalBuilder<P> b, List<Algorithm> algorithms) {
    algorithms.forEach(b::add);
    try {
      return b.build();
    } catch (IkeSessionException e) {
      throw new AssertionError(e);
    }
  }
}
