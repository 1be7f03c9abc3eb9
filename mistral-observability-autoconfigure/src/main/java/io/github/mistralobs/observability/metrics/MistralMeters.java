package io.github.mistralobs.observability.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.mistralobs.observability.pricing.MistralPriceTable;
import io.github.mistralobs.observability.pricing.ModelPrice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.lang.Nullable;

/**
 * Records Mistral API requests into a {@link MeterRegistry}. Each meter is looked up once
 * per distinct set of tags and kept, so recording a request touches no registry lock.
 * Cost is summed in whole picodollars and exported in USD.
 *
 * @see MistralMetrics
 */
public final class MistralMeters {

	private static final Log logger = LogFactory.getLog(MistralMeters.class);

	private final MeterRegistry registry;

	private final MistralPriceTable prices;

	private final TagValueGuard modelNames;

	@Nullable
	private final String attributionTagKey;

	@Nullable
	private final TagValueGuard attributionValues;

	private final Duration[] durationBuckets;

	private final Duration[] timeToFirstTokenBuckets;

	private final Map<RequestKey, RequestMeters> requestMeters = new ConcurrentHashMap<>();

	private final Map<ErrorKey, Counter> errorCounters = new ConcurrentHashMap<>();

	private final Map<UsageKey, UsageMeters> usageMeters = new ConcurrentHashMap<>();

	private final Map<AttemptKey, Counter> attemptCounters = new ConcurrentHashMap<>();

	private final Map<String, Timer> timeToFirstTokenTimers = new ConcurrentHashMap<>();

	private final Set<String> unpricedModels = ConcurrentHashMap.newKeySet();

	/**
	 * Create the meters.
	 * @param registry where meters are registered
	 * @param prices the price table
	 * @param modelNames the guard that bounds the {@code model} tag
	 * @param durationBuckets bucket boundaries of the request latency histogram
	 * @param timeToFirstTokenBuckets bucket boundaries of the time to first token
	 * histogram
	 */
	public MistralMeters(MeterRegistry registry, MistralPriceTable prices, TagValueGuard modelNames,
			List<Duration> durationBuckets, List<Duration> timeToFirstTokenBuckets) {
		this(registry, prices, modelNames, durationBuckets, timeToFirstTokenBuckets, null, null);
	}

	/**
	 * Create the meters, with requests, tokens and cost attributed by an extra tag.
	 * @param registry where meters are registered
	 * @param prices the price table
	 * @param modelNames the guard that bounds the {@code model} tag
	 * @param durationBuckets bucket boundaries of the request latency histogram
	 * @param timeToFirstTokenBuckets bucket boundaries of the time to first token
	 * histogram
	 * @param attributionTagKey the key of the attribution tag, or {@code null} for none
	 * @param attributionValues the guard that bounds the attribution tag
	 */
	public MistralMeters(MeterRegistry registry, MistralPriceTable prices, TagValueGuard modelNames,
			List<Duration> durationBuckets, List<Duration> timeToFirstTokenBuckets, @Nullable String attributionTagKey,
			@Nullable TagValueGuard attributionValues) {
		this.registry = registry;
		this.prices = prices;
		this.modelNames = modelNames;
		this.attributionTagKey = attributionTagKey;
		this.attributionValues = attributionValues;
		this.durationBuckets = durationBuckets.toArray(Duration[]::new);
		this.timeToFirstTokenBuckets = timeToFirstTokenBuckets.toArray(Duration[]::new);
	}

	/**
	 * Return the registry clock's monotonic time, the base of every duration recorded.
	 * @return the time in nanoseconds
	 */
	public long monotonicTime() {
		return this.registry.config().clock().monotonicTime();
	}

	/**
	 * Return the {@code model} tag value for a model name, after the cardinality guard.
	 * @param model the model name, or {@code null} if unknown
	 * @return the tag value
	 */
	public String modelTag(@Nullable String model) {
		return this.modelNames.tagValue(model);
	}

	/**
	 * Return the attribution tag value for an attribution, after its guard.
	 * @param attribution the attribution value, or {@code null} if none was given
	 * @return the tag value, or {@code null} when attribution is switched off
	 */
	@Nullable
	public String attributionTag(@Nullable String attribution) {
		return (this.attributionValues != null) ? this.attributionValues.tagValue(attribution) : null;
	}

	/**
	 * Record one finished API request.
	 * @param modelTag the model tag value from {@link #modelTag(String)}
	 * @param attributionTag the attribution tag value from
	 * {@link #attributionTag(String)}
	 * @param endpoint the endpoint
	 * @param status how it ended
	 * @param durationNanos how long it took, retries included
	 */
	public void recordRequest(String modelTag, @Nullable String attributionTag, Endpoint endpoint, RequestStatus status,
			long durationNanos) {
		RequestMeters meters = lookup(this.requestMeters, new RequestKey(modelTag, attributionTag, endpoint, status),
				this::registerRequestMeters);
		meters.requests().increment();
		meters.duration().record(durationNanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Record why an API request failed.
	 * @param modelTag the model tag value
	 * @param endpoint the endpoint
	 * @param statusCode the HTTP status, or {@link StatusCodes#NONE}
	 * @param errorType the type of error
	 */
	public void recordError(String modelTag, Endpoint endpoint, int statusCode, ErrorType errorType) {
		lookup(this.errorCounters, new ErrorKey(modelTag, endpoint, statusCode, errorType), this::registerErrorCounter)
			.increment();
	}

	/**
	 * Record the tokens of one API exchange and the cost they come to.
	 * @param model the model name as requested, which decides the price
	 * @param modelTag the model tag value
	 * @param attributionTag the attribution tag value, or {@code null}
	 * @param inputTokens input (prompt) tokens
	 * @param outputTokens output (completion) tokens
	 * @return the cost in picodollars, or {@code -1} if the model has no price
	 */
	public long recordUsage(@Nullable String model, String modelTag, @Nullable String attributionTag, long inputTokens,
			long outputTokens) {
		ModelPrice price = this.prices.priceOf(model);
		long cost = (price != null) ? price.costInPicoUsd(inputTokens, outputTokens) : -1;
		if (inputTokens <= 0 && outputTokens <= 0) {
			return cost;
		}
		UsageMeters meters = lookup(this.usageMeters, new UsageKey(modelTag, attributionTag),
				this::registerUsageMeters);
		meters.input().increment(inputTokens);
		meters.output().increment(outputTokens);
		if (price != null) {
			meters.cost().add(cost);
		}
		else if (this.unpricedModels.add(modelTag)) {
			logger.warn(String.format(
					"Mistral model '%s' has no price, so its cost is not recorded. Set "
							+ "'mistral.observability.pricing.models.%s.input' and '.output' (USD per million tokens).",
					LogSafe.text(modelTag), LogSafe.text(modelTag)));
		}
		return cost;
	}

	/**
	 * Record one HTTP exchange with the Mistral API.
	 * @param endpoint the endpoint the exchange was sent to
	 * @param statusCode the HTTP status, or {@link StatusCodes#NONE} if none came
	 */
	public void recordAttempt(Endpoint endpoint, int statusCode) {
		lookup(this.attemptCounters, new AttemptKey(endpoint, statusCode), this::registerAttemptCounter).increment();
	}

	/**
	 * Record the time from a stream's request to its first content chunk.
	 * @param modelTag the model tag value
	 * @param nanos the time in nanoseconds
	 */
	public void recordTimeToFirstToken(String modelTag, long nanos) {
		lookup(this.timeToFirstTokenTimers, modelTag, this::registerTimeToFirstToken).record(nanos,
				TimeUnit.NANOSECONDS);
	}

	private static <K, V> V lookup(Map<K, V> meters, K key, Function<K, V> register) {
		V meter = meters.get(key);
		return (meter != null) ? meter : meters.computeIfAbsent(key, register);
	}

	private RequestMeters registerRequestMeters(RequestKey key) {
		Tags tags = attributed(Tags.of(MistralMetrics.Tags.MODEL, key.model(), MistralMetrics.Tags.ENDPOINT,
				key.endpoint().tagValue(), MistralMetrics.Tags.STATUS, key.status().tagValue()), key.attribution());
		Counter requests = Counter.builder(MistralMetrics.REQUESTS)
			.description("Mistral API requests")
			.tags(tags)
			.register(this.registry);
		Timer duration = Timer.builder(MistralMetrics.REQUEST_DURATION)
			.description("Latency of Mistral API requests, retries included")
			.serviceLevelObjectives(this.durationBuckets)
			.tags(tags)
			.register(this.registry);
		return new RequestMeters(requests, duration);
	}

	private Tags attributed(Tags tags, @Nullable String attribution) {
		return (this.attributionTagKey != null)
				? tags.and(this.attributionTagKey, (attribution != null) ? attribution : MistralMetrics.Values.NONE)
				: tags;
	}

	private Counter registerErrorCounter(ErrorKey key) {
		return Counter.builder(MistralMetrics.ERRORS)
			.description("Failed Mistral API requests")
			.tag(MistralMetrics.Tags.MODEL, key.model())
			.tag(MistralMetrics.Tags.ENDPOINT, key.endpoint().tagValue())
			.tag(MistralMetrics.Tags.STATUS_CODE, StatusCodes.tagValue(key.statusCode()))
			.tag(MistralMetrics.Tags.ERROR_TYPE, key.errorType().tagValue())
			.register(this.registry);
	}

	private UsageMeters registerUsageMeters(UsageKey key) {
		Tags tags = attributed(Tags.of(MistralMetrics.Tags.MODEL, key.model()), key.attribution());
		return new UsageMeters(tokenCounter(tags, MistralMetrics.Values.INPUT),
				tokenCounter(tags, MistralMetrics.Values.OUTPUT), () -> registerCost(tags));
	}

	private Counter tokenCounter(Tags tags, String direction) {
		return Counter.builder(MistralMetrics.TOKENS)
			.description("Tokens billed by the Mistral API")
			.tags(tags)
			.tag(MistralMetrics.Tags.DIRECTION, direction)
			.register(this.registry);
	}

	private LongAdder registerCost(Tags tags) {
		LongAdder cost = new LongAdder();
		FunctionCounter.builder(MistralMetrics.COST, cost, (adder) -> adder.sum() / ModelPrice.PICO_USD_PER_USD)
			.description("Estimated spend on the Mistral API, from list prices")
			.baseUnit(MistralMetrics.USD)
			.tags(tags)
			.register(this.registry);
		return cost;
	}

	private Counter registerAttemptCounter(AttemptKey key) {
		return Counter.builder(MistralMetrics.ATTEMPTS)
			.description("HTTP exchanges with the Mistral API, retried ones included")
			.tag(MistralMetrics.Tags.ENDPOINT, key.endpoint().tagValue())
			.tag(MistralMetrics.Tags.STATUS_CODE, StatusCodes.tagValue(key.statusCode()))
			.register(this.registry);
	}

	private Timer registerTimeToFirstToken(String modelTag) {
		return Timer.builder(MistralMetrics.TIME_TO_FIRST_TOKEN)
			.description("Time from a streamed request to its first content chunk")
			.serviceLevelObjectives(this.timeToFirstTokenBuckets)
			.tag(MistralMetrics.Tags.MODEL, modelTag)
			.register(this.registry);
	}

	private record RequestKey(String model, @Nullable String attribution, Endpoint endpoint, RequestStatus status) {
	}

	private record UsageKey(String model, @Nullable String attribution) {
	}

	private record ErrorKey(String model, Endpoint endpoint, int statusCode, ErrorType errorType) {
	}

	private record AttemptKey(Endpoint endpoint, int statusCode) {
	}

	private record RequestMeters(Counter requests, Timer duration) {
	}

	/**
	 * Token counters of one model and attribution, and its cost once it has a price.
	 */
	private static final class UsageMeters {

		private final Counter input;

		private final Counter output;

		private final Supplier<LongAdder> costRegistration;

		@Nullable
		private volatile LongAdder costInPicoUsd;

		UsageMeters(Counter input, Counter output, Supplier<LongAdder> costRegistration) {
			this.input = input;
			this.output = output;
			this.costRegistration = costRegistration;
		}

		Counter input() {
			return this.input;
		}

		Counter output() {
			return this.output;
		}

		LongAdder cost() {
			LongAdder cost = this.costInPicoUsd;
			if (cost == null) {
				synchronized (this) {
					cost = this.costInPicoUsd;
					if (cost == null) {
						cost = this.costRegistration.get();
						this.costInPicoUsd = cost;
					}
				}
			}
			return cost;
		}

	}

}
