package dev.fulmar.helper.control;

import dev.fulmar.control.message.Connect;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.DeleteSystemProfile;
import dev.fulmar.control.message.Diagnose;
import dev.fulmar.control.message.Disconnect;
import dev.fulmar.control.message.ErrorCode;
import dev.fulmar.control.message.ErrorReply;
import dev.fulmar.control.message.GetBundle;
import dev.fulmar.control.message.GetLogs;
import dev.fulmar.control.message.GetPolicy;
import dev.fulmar.control.message.ListProfiles;
import dev.fulmar.control.message.LogLevel;
import dev.fulmar.control.message.LogLines;
import dev.fulmar.control.message.Ok;
import dev.fulmar.control.message.PolicyReport;
import dev.fulmar.control.message.ProfileList;
import dev.fulmar.control.message.Request;
import dev.fulmar.control.message.Response;
import dev.fulmar.control.message.Role;
import dev.fulmar.control.message.SaveSystemProfile;
import dev.fulmar.control.message.SetPolicy;
import dev.fulmar.control.message.StatusReport;
import dev.fulmar.control.message.StatusRequest;
import dev.fulmar.control.message.Unsubscribe;
import dev.fulmar.profiles.model.Profile;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Carries out one authorized request for one client (on a worker thread) and produces its
 * response: the method table of the protocol. Failures become typed error replies; nothing
 * escapes.
 */
final class RequestHandler {
  private static final int LOG_MAX = dev.fulmar.control.Limits.LOG_RING_LINES;
  private final TunnelService tunnel;
  private final SystemConfig system;
  private final ProfileDirectory profiles;
  private final LogRing log;
  private final StatsTicker stats;
  private final BundleBuilder bundles;

  RequestHandler(TunnelService tunnel, SystemConfig system, LogRing log, StatsTicker stats,
      BundleBuilder bundles) {
    this.tunnel = tunnel;
    this.system = system;
    this.profiles = new ProfileDirectory(system);
    this.log = log;
    this.stats = stats;
    this.bundles = bundles;
  }

  /** The response to {@code r}, possibly later; never completes exceptionally. */
  CompletionStage<Response> handle(ClientSession s, Role role, Request r) {
    CompletionStage<Response> result;
    try {
      result = dispatch(s, role, r);
    } catch (TunnelServiceException e) {
      return CompletableFuture.completedFuture(e.toReply());
    } catch (Exception e) {
      return CompletableFuture.completedFuture(internal(r, e));
    }
    return result.handle((resp, err) -> err == null ? resp : failure(r, err));
  }

  private CompletionStage<Response> dispatch(ClientSession s, Role role, Request r)
      throws Exception {
    if (r instanceof StatusRequest) {
      return done(status());
    } else if (r instanceof ListProfiles) {
      return done(new ProfileList(profiles.list(s.peer.uid())));
    } else if (r instanceof Connect c) {
      return connect(s, role, c);
    } else if (r instanceof Disconnect) {
      log.append(LogLevel.INFO, "control", s.who() + " asked to disconnect");
      return tunnel.disconnect().thenApply(v -> new Ok());
    } else if (r instanceof Unsubscribe u) {
      s.topics.removeAll(u.topics());
      return done(new Ok());
    } else if (r instanceof Diagnose d) {
      Profile p = target(s, role, d.profileName(), d.profile(), d.credentials());
      log.append(LogLevel.INFO, "control", s.who() + " diagnoses '" + p.name() + "'");
      return tunnel.diagnose(p, d.credentials(), s.prompts.handler())
          .thenApply(Response.class::cast);
    } else if (r instanceof GetLogs g) {
      return done(new LogLines(log.tail(Math.min(g.max(), LOG_MAX), g.afterSeq())));
    } else if (r instanceof GetBundle) {
      return done(bundles.build(status(), profiles.list(s.peer.uid()),
          new PolicyReport(system.policy()), log.tail(LOG_MAX, 0)));
    } else if (r instanceof GetPolicy) {
      return done(new PolicyReport(system.policy()));
    }
    return admin(s, r);
  }

  private CompletionStage<Response> admin(ClientSession s, Request r) throws Exception {
    if (r instanceof SetPolicy sp) {
      system.setPolicy(sp.policy());
      log.append(LogLevel.INFO, "control", s.who() + " set the policy: " + sp.policy());
    } else if (r instanceof SaveSystemProfile sp) {
      system.saveSystemProfile(sp.profile());
      log.append(LogLevel.INFO, "control", s.who() + " saved system profile '"
          + sp.profile().name() + "'");
    } else if (r instanceof DeleteSystemProfile dp) {
      system.deleteSystemProfile(dp.name());
      log.append(LogLevel.INFO, "control", s.who() + " deleted system profile '" + dp.name()
          + "'");
    } else {
      throw new IllegalStateException("no handler for " + r.getClass().getSimpleName());
    }
    return done(new Ok());
  }

  private CompletionStage<Response> connect(ClientSession s, Role role, Connect c)
      throws TunnelServiceException {
    Profile p = target(s, role, c.profileName(), c.profile(), c.credentials());
    log.append(LogLevel.INFO, "control", s.who() + " connects '" + p.name() + "'");
    return tunnel.connect(p, c.credentials(), s.prompts.handler())
        .thenApply(st -> new StatusReport(st, stats.latest()));
  }

  /** The profile a request names, remembering a sent one; tracks the secrets for redaction. */
  private Profile target(ClientSession s, Role role, String name, Profile sent, Credentials c)
      throws TunnelServiceException {
    log.redactor().track(c.eapPassword());
    log.redactor().track(c.pkcs12Password());
    log.redactor().track(c.psk());
    if (sent == null) {
      return profiles.resolve(s.peer.uid(), name);
    }
    if (role != Role.ADMIN && !system.policy().userProfilesAllowed()) {
      c.close();
      throw new TunnelServiceException(ErrorCode.NOT_PERMITTED, "the administrator's policy "
          + "allows only system profiles on this machine; choose one of them ('fulmar list')");
    }
    profiles.remember(s.peer.uid(), sent);
    return sent;
  }

  StatusReport status() {
    return new StatusReport(tunnel.status(), stats.latest());
  }

  private static CompletionStage<Response> done(Response r) {
    return CompletableFuture.completedFuture(r);
  }

  private Response failure(Request r, Throwable err) {
    Throwable e = err instanceof CompletionException && err.getCause() != null
        ? err.getCause() : err;
    return e instanceof TunnelServiceException t ? t.toReply() : internal(r, e);
  }

  private ErrorReply internal(Request r, Throwable e) {
    String type = r.getClass().getSimpleName();
    log.append(LogLevel.ERROR, "control", "request " + type + " failed: " + e);
    return ErrorReply.of(ErrorCode.INTERNAL, "the helper could not carry out the request ("
        + e.getClass().getSimpleName() + "); its log says more");
  }
}
