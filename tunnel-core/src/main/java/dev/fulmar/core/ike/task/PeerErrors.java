package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeProposal;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.NotifyPayload;
import dev.fulmar.core.ike.message.NotifyType;
import java.util.List;

/**
 * Turns error Notify payloads in a gateway's response into failures the user can act on. Tasks
 * handle the errors that concern them first (AUTHENTICATION_FAILED, CHILD SA errors); this covers
 * the rest.
 */
final class PeerErrors {
  private PeerErrors() {}

  /**
   * Throws for the first error notify in {@code in}.
   *
   * @param offered our IKE proposals, to explain NO_PROPOSAL_CHOSEN in IKE_SA_INIT; else null
   */
  static void check(IkeMessage in, FailureStep step, String exchange, List<IkeProposal> offered)
      throws TaskFailure {
    for (NotifyPayload n : in.payloads(NotifyPayload.class)) {
      if (!n.isError()) {
        continue;
      }
      if (n.notifyType().equals(NotifyType.NO_PROPOSAL_CHOSEN) && offered != null) {
        boolean pq = offered.stream().anyMatch(IkeProposal::offersPostQuantum);
        throw TaskFailure.of(step,
            pq ? ErrorCode.NO_PROPOSAL_CHOSEN : ErrorCode.NO_PROPOSAL_CHOSEN_CLASSIC_ONLY,
            "offered", Proposals.describeIke(offered));
      }
      throw TaskFailure.of(step, ErrorCode.PEER_ERROR,
          "exchange", exchange, "notify", n.notifyType().toString());
    }
  }

  /** Whether the response carries any error notify. */
  static boolean any(IkeMessage in) {
    return in.payloads(NotifyPayload.class).stream().anyMatch(NotifyPayload::isError);
  }

  /** The first error notify of {@code type}, if the response carries one. */
  static boolean has(IkeMessage in, NotifyType type) {
    return in.notify(type).filter(NotifyPayload::isError).isPresent();
  }
}
