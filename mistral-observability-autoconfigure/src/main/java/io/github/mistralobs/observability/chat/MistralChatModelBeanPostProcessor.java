package io.github.mistralobs.observability.chat;

import io.github.mistralobs.observability.metrics.FailureReporter;
import io.github.mistralobs.observability.metrics.MistralMeters;

import org.springframework.ai.mistralai.MistralAiChatModel;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link MistralAiChatModel} bean in a class-based proxy carrying
 * {@link MistralChatModelAdvice}. The proxy is still a {@code MistralAiChatModel}, so
 * beans that inject the class keep working, as do those that inject {@code ChatModel}.
 */
public final class MistralChatModelBeanPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<MistralMeters> meters;

	private final ObjectProvider<FailureReporter> failures;

	/**
	 * Create a post-processor; its collaborators are looked up when a call is made, so
	 * that creating it early initialises nothing.
	 * @param meters the meters
	 * @param failures where the advice's own failures go
	 */
	public MistralChatModelBeanPostProcessor(ObjectProvider<MistralMeters> meters,
			ObjectProvider<FailureReporter> failures) {
		this.meters = meters;
		this.failures = failures;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof MistralAiChatModel) || isAdvised(bean)) {
			return bean;
		}
		ProxyFactory proxyFactory = new ProxyFactory(bean);
		proxyFactory.setProxyTargetClass(true);
		proxyFactory.addAdvice(new MistralChatModelAdvice(this.meters, this.failures));
		return proxyFactory.getProxy(bean.getClass().getClassLoader());
	}

	private static boolean isAdvised(Object bean) {
		if (!(bean instanceof Advised advised)) {
			return false;
		}
		for (var advisor : advised.getAdvisors()) {
			if (advisor.getAdvice() instanceof MistralChatModelAdvice) {
				return true;
			}
		}
		return false;
	}

}
