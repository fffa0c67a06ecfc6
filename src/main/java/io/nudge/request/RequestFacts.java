package io.nudge.request;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import io.nudge.decision.Facts;
import io.nudge.money.Money;
import io.nudge.request.NudgeRequest.ContextInput;
import io.nudge.request.NudgeRequest.LineItemInput;
import io.nudge.request.NudgeRequest.ShopperInput;
import io.nudge.vocabulary.Cart;
import io.nudge.vocabulary.Catalog;
import io.nudge.vocabulary.Context;
import io.nudge.vocabulary.LineItem;
import io.nudge.vocabulary.Product;
import io.nudge.vocabulary.Shopper;

/** Turns a validated request into rule facts, filling what the storefront left out from the catalog. */
public final class RequestFacts {

    private static final Locale DEFAULT_LOCALE = Locale.US;

    private RequestFacts() {
    }

    public static Facts of(NudgeRequest request, Catalog catalog) {
        List<LineItem> items = request.cart().items().stream().map(item -> lineItem(item, catalog.product(item.sku()))).toList();
        Cart cart = Cart.of(Money.currencyOrNull(request.cart().currency()), items);
        return new Facts(cart, shopper(request.shopper()), context(request.context()), request.shopperKey(), catalog);
    }

    /** Fields the storefront sent win; absent or null ones come from the catalog entry of the sku, if any. */
    private static LineItem lineItem(LineItemInput item, Product product) {
        return new LineItem(item.sku(), item.quantity(), item.price(),
                sentOrCatalog(item.name(), product, Product::name),
                sentOrCatalog(item.category(), product, Product::category),
                sentOrCatalog(item.line(), product, Product::line),
                item.tags() != null ? Set.copyOf(item.tags()) : product != null ? product.tags() : Set.of());
    }

    private static String sentOrCatalog(String sent, Product product, Function<Product, String> field) {
        return sent != null || product == null ? sent : field.apply(product);
    }

    private static Shopper shopper(ShopperInput shopper) {
        if (shopper == null) {
            return Shopper.anonymous();
        }
        return new Shopper(shopper.id(), shopper.firstName(), setOf(shopper.segments()), shopper.averageOrderValue(),
                shopper.orderCount(), shopper.size(), setOf(shopper.preferredColors()),
                shopper.childrenAges() == null ? List.of() : shopper.childrenAges());
    }

    private static Context context(ContextInput context) {
        if (context == null) {
            return new Context(null, null, null, DEFAULT_LOCALE, null, Instant.now());
        }
        return new Context(context.channel(), context.country(), context.region(),
                context.locale() == null ? DEFAULT_LOCALE : Locale.forLanguageTag(context.locale()),
                context.weather() == null ? null : context.weather().strip().toLowerCase(Locale.ROOT),
                context.at() == null ? Instant.now() : context.at());
    }

    private static Set<String> setOf(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }
}
