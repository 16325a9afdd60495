package dev.fulmar.helper.tunnel;

import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.SessionInfo;

/**
 * What a diagnose run found: either the negotiated session (and whether its deletion was
 * confirmed) or the failure.
 *
 * @param profileName the profile's name
 * @param gatewayHost the gateway as the profile names it
 * @param info the negotiated session, or null on failure
 * @param deleted whether the gateway confirmed our Delete
 * @param failure the failure, or null on success
 */
public record DiagnoseOutcome(
    String profileName, String gatewayHost, SessionInfo info, boolean deleted,
    IkeFailure failure) {

  public static DiagnoseOutcome success(String profile, String host, SessionInfo info,
      boolean deleted) {
    return new DiagnoseOutcome(profile, host, info, deleted, null);
  }

  public static DiagnoseOutcome failure(String profile, String host, IkeFailure failure) {
    return new DiagnoseOutcome(profile, host, null, false, failure);
  }

  public boolean ok() {
    return failure == null;
  }
}
