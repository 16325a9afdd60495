package dev.fulmar.core.ike.task;

import dev.fulmar.core.ike.message.ExchangeType;

/**
 * Where a rekey we started stands ({@link ChildRekeyTask}, {@link IkeRekeyTask}): the
 * CREATE_CHILD_SA, the IKE_FOLLOWUP_KE exchanges of further key exchanges (RFC 9370 §2.2.4), the
 * INFORMATIONAL that deletes the old (or redundant) SA, then nothing.
 */
enum RekeyStage {
  CREATE, FOLLOWUP, DELETE, DONE;

  /**
   * The exchange the stage runs once the CREATE_CHILD_SA is answered; null for CREATE (whether it
   * is due is the task's to say) and for DONE.
   */
  ExchangeType laterExchange() {
    return switch (this) {
      case FOLLOWUP -> ExchangeType.IKE_FOLLOWUP_KE;
      case DELETE -> ExchangeType.INFORMATIONAL;
      default -> null;
    };
  }
}
