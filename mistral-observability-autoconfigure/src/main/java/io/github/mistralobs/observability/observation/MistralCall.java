package io.github.mistralobs.observability.observation;

import io.github.mistralobs.observability.metrics.Endpoint;

import org.springframework.lang.Nullable;

/**
 * One call to a Mistral chat model bean, with all the API requests it makes (one per
 * round of a tool-calling loop). The advice around the bean opens it on the calling
 * thread; the observation handler finds it there when a request starts, or on the parent
 * observation for the inner rounds of a stream.
 */
public final class MistralCall {

	private static final ThreadLocal<MistralCall> current = new ThreadLocal<>();

	private final Endpoint endpoint;

	private final long startNanos;

	private final UsageLedger usage = new UsageLedger();

	@Nullable
	private final String attribution;

	private final boolean chunksSeen;

	private long unreportedInput;

	private long unreportedOutput;

	private long unreportedCostInPicoUsd;

	private boolean unpriced;

	@Nullable
	private volatile String model;

	@Nullable
	private volatile String modelTag;

	private volatile boolean contentSeen;

	/**
	 * Create a call.
	 * @param endpoint {@link Endpoint#CHAT_COMPLETE} or {@link Endpoint#CHAT_STREAM}
	 * @param startNanos when the call started, on the meter registry's monotonic clock
	 * @param attribution the attribution value of the call, or {@code null}
	 * @param chunksSeen whether the advice sees the stream's {@code ChatResponse} chunks
	 * and takes their tokens, leaving none to the handler
	 */
	public MistralCall(Endpoint endpoint, long startNanos, @Nullable String attribution, boolean chunksSeen) {
		this.endpoint = endpoint;
		this.startNanos = startNanos;
		this.attribution = attribution;
		this.chunksSeen = chunksSeen;
	}

	/**
	 * Return the call open on this thread.
	 * @return the call, or {@code null}
	 */
	@Nullable
	public static MistralCall current() {
		return current.get();
	}

	/**
	 * Make a call the one open on this thread.
	 * @param call the call
	 * @return the call that was open before, to give to {@link #restore(MistralCall)}
	 */
	@Nullable
	public static MistralCall open(MistralCall call) {
		MistralCall previous = current.get();
		current.set(call);
		return previous;
	}

	/**
	 * Restore the call that was open before {@link #open(MistralCall)}.
	 * @param previous the call returned by {@code open}
	 */
	public static void restore(@Nullable MistralCall previous) {
		if (previous != null) {
			current.set(previous);
		}
		else {
			current.remove();
		}
	}

	public Endpoint endpoint() {
		return this.endpoint;
	}

	public long startNanos() {
		return this.startNanos;
	}

	public UsageLedger usage() {
		return this.usage;
	}

	@Nullable
	public String attribution() {
		return this.attribution;
	}

	public boolean chunksSeen() {
		return this.chunksSeen;
	}

	/**
	 * Keep the tokens and cost of a stream's chunk for the request log event of the
	 * request that is open when the stream's requests end.
	 * @param tokens the tokens counted
	 * @param costInPicoUsd their cost, or a negative number if the model has no price
	 */
	public synchronized void counted(TokenCount tokens, long costInPicoUsd) {
		this.unreportedInput += tokens.input();
		this.unreportedOutput += tokens.output();
		if (costInPicoUsd >= 0) {
			this.unreportedCostInPicoUsd += costInPicoUsd;
		}
		else {
			this.unpriced = true;
		}
	}

	/**
	 * Take the tokens and cost counted since the last call.
	 * @return the tokens, and their cost or a negative number if there is no price
	 */
	synchronized CountedUsage takeCounted() {
		CountedUsage counted = new CountedUsage(new TokenCount(this.unreportedInput, this.unreportedOutput),
				this.unpriced ? -1 : this.unreportedCostInPicoUsd);
		this.unreportedInput = 0;
		this.unreportedOutput = 0;
		this.unreportedCostInPicoUsd = 0;
		return counted;
	}

	@Nullable
	public String model() {
		return this.model;
	}

	@Nullable
	public String modelTag() {
		return this.modelTag;
	}

	/**
	 * Set the model of a stream, once, from its first request: the advice records the
	 * stream's tokens and time to first token under it.
	 * @param model the requested model
	 * @param modelTag its tag value
	 */
	void identify(@Nullable String model, String modelTag) {
		if (this.modelTag == null) {
			this.model = model;
			this.modelTag = modelTag;
		}
	}

	/**
	 * Tokens and the cost they came to, or a negative cost if there is no price.
	 */
	record CountedUsage(TokenCount tokens, long costInPicoUsd) {
	}

	/**
	 * Mark the first content of a stream as seen.
	 * @return {@code true} the first time only
	 */
	public boolean firstContent() {
		if (this.contentSeen) {
			return false;
		}
		this.contentSeen = true;
		return true;
	}

}
