import type { Activity } from "botbuilder";
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from "botframework-connector";
import { spliceCardBytes, withCardMarkers } from "./card-bytes.ts";

/** Clients kept at most per bot (service URLs × audiences × app ids): Teams uses a few regional service URLs. */
export const MAX_CACHED_CLIENTS = 64;

/**
 * botbuilder's authentication with its outgoing clients kept instead of made again for every
 * activity. `CloudAdapter` asks for a new Connector client (and a new token client) for each
 * request it processes, and each of them builds its own HTTP pipeline of a dozen policies:
 * measured, a sixth of an echo bot's CPU per message, and objects that outlive the turn. The
 * clients hold no per-request state (the credentials inside fetch and renew their own
 * tokens), so one per app id, service URL and audience answers every turn, as the older
 * `BotFrameworkAdapter` already did. Authentication itself is untouched: every request is
 * still checked by `inner`.
 */
export class CachedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withCachedFactory(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.withCachedFactory(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.cachedFactory(claimsIdentity, this.inner.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return kept(this.tokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private withCachedFactory(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory
      ? { ...result, connectorFactory: this.cachedFactory(result.claimsIdentity, result.connectorFactory) }
      : result;
  }

  private cachedFactory(claimsIdentity: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory {
    return new CachedConnectorFactory(this.connectors, appIdOf(claimsIdentity), factory);
  }
}

/** A request's connector factory, answering from the clients already made for its app id. */
class CachedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly connectors: Map<string, Promise<ConnectorClient>>,
    private readonly appId: string,
    private readonly factory: ConnectorFactory,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return kept(this.connectors, `${this.appId}\u0000${serviceUrl}\u0000${audience ?? ""}`, async () =>
      withByteBodies(await this.factory.create(serviceUrl, audience)),
    );
  }
}

/** The name of the policy `withByteBodies` adds to a Connector client's pipeline. */
export const BYTE_BODY_POLICY = "bpc40ByteBodies";

/** The part of a Connector client's HTTP pipeline (@azure/core-rest-pipeline) used here. */
interface BodyPipeline {
  addPolicy(policy: {
    name: string;
    sendRequest(request: { body?: unknown }, next: (request: { body?: unknown }) => Promise<unknown>): Promise<unknown>;
  }): void;
}

/**
 * Hands each outgoing body to the HTTP client as UTF-8 bytes, encoded once. Given a string,
 * the client of `@typespec/ts-http-runtime` encodes it whole only to learn its length, then
 * Node measures it and encodes it again to write it: three passes over a card of several
 * kilobytes, held in two bytes per character as soon as it shows « € ». Counted with
 * callgrind, this halves the instructions spent encoding a list card (README, « Décisions »).
 * Cards are not serialised again at all when sent again: their bytes are kept
 * (`card-bytes.ts`), and the activities sent carry a marker in their place, which this
 * policy replaces. The client's pipeline is a private field of botbuilder's last release
 * (4.23.3): if it ever moves, bodies and cards are simply sent as before.
 */
function withByteBodies(client: ConnectorClient): ConnectorClient {
  const pipeline = (client as unknown as { client?: { pipeline?: BodyPipeline } }).client?.pipeline;
  if (!pipeline) return client;
  pipeline.addPolicy({
    name: BYTE_BODY_POLICY,
    sendRequest: (request, next) => {
      if (typeof request.body === "string") request.body = spliceCardBytes(request.body);
      return next(request);
    },
  });
  const conversations = client.conversations;
  const reply = conversations.replyToActivity.bind(conversations);
  const send = conversations.sendToConversation.bind(conversations);
  const update = conversations.updateActivity.bind(conversations);
  // Request options (an abort signal, say) are passed on; botbuilder gives none.
  Object.assign(conversations, {
    replyToActivity: (conversationId: string, activityId: string, activity: Activity, options?: never) =>
      withMarkedCards(activity, (marked) => reply(conversationId, activityId, marked, options)),
    sendToConversation: (conversationId: string, activity: Activity, options?: never) =>
      withMarkedCards(activity, (marked) => send(conversationId, marked, options)),
    updateActivity: (conversationId: string, activityId: string, activity: Activity, options?: never) =>
      withMarkedCards(activity, (marked) => update(conversationId, activityId, marked, options)),
  });
  return client;
}

/** Sends `activity` with its cards as markers (see `withCardMarkers`), forgotten once the send is over. */
async function withMarkedCards<T>(activity: Activity, sendActivity: (marked: Activity) => Promise<T>): Promise<T> {
  const { activity: marked, done } = withCardMarkers(activity);
  try {
    return await sendActivity(marked);
  } finally {
    done();
  }
}

/** The app id a request's claims are for (empty in local mode), as botbuilder reads it. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ""
  );
}

/** The client kept under `key`, made once; a failed creation is forgotten so the next request tries again. */
function kept<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let client = cache.get(key);
  if (!client) {
    if (cache.size >= MAX_CACHED_CLIENTS) cache.delete(cache.keys().next().value as string);
    const made = make();
    cache.set(key, made);
    // Only this attempt is forgotten: the key may hold a newer client by the time it fails.
    made.catch(() => cache.get(key) === made && cache.delete(key));
    client = made;
  }
  return client;
}
