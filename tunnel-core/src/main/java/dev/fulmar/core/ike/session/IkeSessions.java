package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.IkeSession;
import dev.fulmar.core.api.IkeSessionListener;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.SessionEnvironment;

/** Creates sessions for {@link IkeSession#create}; the engine's only public entry point. */
public final class IkeSessions {
  private IkeSessions() {}

  public static IkeSession create(
      IkeSessionParams params, SessionEnvironment environment, IkeSessionListener listener) {
    return new Session(params, environment, listener);
  }
}
