from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.policies import documents, permissions, selectors, services
from insurehub.policies.api import serializers as s
from insurehub.policies.models import PolicyReview, PolicyType
from insurehub.users.selectors import customer_acted_for
from insurehub.vehicles.models import normalise_registration
from insurehub.vehicles.selectors import vehicles_visible_to
from insurehub.workflows.selectors import stages_for


class CompanyListCreateApi(generics.ListAPIView):
    permission_classes = [permissions.CatalogueReadOrManage]
    serializer_class = s.CompanyOutputSerializer
    search_fields = ["name"]
    ordering_fields = ["name"]
    filterset_fields = ["active"]

    def get_queryset(self):
        return selectors.companies_catalogue(include_inactive=permissions.can_manage_catalogue(self.request.user))

    @extend_schema(tags=["catalogue"])
    def get(self, request, *args, **kwargs):
        """List the insurance companies.

        With their number of products and the average rating and count of their products' reviews,
        by name. Filter `active`; `search` in the name; `ordering` by `name`.

        Access: anyone, without signing in; inactive ones are shown to admins only.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(request=s.CompanyInputSerializer, responses={201: s.CompanyOutputSerializer}, tags=["catalogue"])
    def post(self, request):
        """Add an insurance company to the catalogue.

        Access: admins.

        Errors: 400 `validation_error` (e.g. a registration number already in the catalogue); 403
        `permission_denied`.
        """
        data = s.CompanyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        company = services.company_create(created_by=request.user, **data.validated_data)
        return Response(
            s.CompanyOutputSerializer(selectors.companies_catalogue(include_inactive=True).get(pk=company.pk)).data,
            status=status.HTTP_201_CREATED,
        )


class CompanyDetailApi(APIView):
    permission_classes = [permissions.CatalogueReadOrManage]

    def _get(self, request, company_id):
        return get_object_or_404(
            selectors.companies_catalogue(include_inactive=permissions.can_manage_catalogue(request.user)),
            pk=company_id,
        )

    @extend_schema(responses={200: s.CompanyOutputSerializer}, tags=["catalogue"])
    def get(self, request, company_id):
        """Show an insurance company.

        Access: anyone, without signing in; inactive ones are shown to admins only.

        Errors: 404 `not_found`.
        """
        return Response(s.CompanyOutputSerializer(self._get(request, company_id)).data)

    @extend_schema(request=s.CompanyUpdateSerializer, responses={200: s.CompanyOutputSerializer}, tags=["catalogue"])
    def patch(self, request, company_id):
        """Edit an insurance company.

        Setting `active` to false takes the company, and so its products, off sale: no new quotes;
        existing policies are unaffected.

        Access: admins.

        Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
        """
        company = self._get(request, company_id)
        data = s.CompanyUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.company_update(company=company, data=data.validated_data, updated_by=request.user)
        return Response(s.CompanyOutputSerializer(self._get(request, company_id)).data)


class CategoryListApi(generics.ListAPIView):
    permission_classes = [permissions.CatalogueReadOrManage]
    serializer_class = s.CategoryOutputSerializer
    pagination_class = None

    def get_queryset(self):
        return selectors.categories_catalogue()

    @extend_schema(tags=["catalogue"])
    def get(self, request, *args, **kwargs):
        """List the product categories.

        Motor, health, life, home, travel, ... in display order, with their number of products; not
        paginated.

        Access: anyone, without signing in.

        Errors: none of its own.
        """
        return super().get(request, *args, **kwargs)


class CategoryDetailApi(APIView):
    permission_classes = [permissions.CatalogueReadOrManage]

    @extend_schema(responses={200: s.CategoryOutputSerializer}, tags=["catalogue"])
    def get(self, request, slug):
        """Show a product category.

        Access: anyone, without signing in.

        Errors: 404 `not_found` (no category with that slug).
        """
        return Response(s.CategoryOutputSerializer(get_object_or_404(selectors.categories_catalogue(), slug=slug)).data)


class PolicyTypeListCreateApi(generics.ListAPIView):
    permission_classes = [permissions.CatalogueReadOrManage]
    serializer_class = s.PolicyTypeOutputSerializer
    filterset_fields = ["category", "company", "currency"]
    search_fields = ["name", "description", "company__name"]
    ordering_fields = ["name", "base_premium"]

    def get_queryset(self):
        return selectors.policy_types_catalogue(include_inactive=permissions.can_manage_catalogue(self.request.user))

    @extend_schema(tags=["catalogue"])
    def get(self, request, *args, **kwargs):
        """List the insurance products.

        Each product (policy type) with its company, category, coverage details, base premium and
        pricing rules, term and ratings. Filters: `category`, `company`, `currency`; `search` in
        name, description and company name; `ordering` by `name` or `base_premium`.

        Access: anyone, without signing in; inactive ones are shown to admins only.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=s.PolicyTypeInputSerializer, responses={201: s.PolicyTypeOutputSerializer}, tags=["catalogue"]
    )
    def post(self, request):
        """Add an insurance product to the catalogue.

        Access: admins.

        Errors: 400 `validation_error`; 403 `permission_denied`.
        """
        data = s.PolicyTypeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        policy_type = services.policy_type_create(created_by=request.user, **data.validated_data)
        fresh = selectors.policy_types_catalogue(include_inactive=True).get(pk=policy_type.pk)
        return Response(s.PolicyTypeOutputSerializer(fresh).data, status=status.HTTP_201_CREATED)


class PolicyTypeDetailApi(APIView):
    permission_classes = [permissions.CatalogueReadOrManage]

    def _get(self, request, type_id):
        return get_object_or_404(
            selectors.policy_types_for_viewer(
                request.user, include_inactive=permissions.can_manage_catalogue(request.user)
            ),
            pk=type_id,
        )

    @extend_schema(responses={200: s.PolicyTypeDetailOutputSerializer}, tags=["catalogue"])
    def get(self, request, type_id):
        """Show an insurance product.

        With `already_reviewed` and `can_review` for the caller: a signed-in customer who holds or
        held the product may review it once; both are false for anyone else.

        Access: anyone, without signing in; inactive ones are shown to admins only.

        Errors: 404 `not_found`.
        """
        return Response(s.PolicyTypeDetailOutputSerializer(self._get(request, type_id)).data)

    @extend_schema(
        request=s.PolicyTypeUpdateSerializer, responses={200: s.PolicyTypeDetailOutputSerializer}, tags=["catalogue"]
    )
    def patch(self, request, type_id):
        """Edit an insurance product.

        Price changes apply to quotes made from now on; issued quotes and policies keep their price.

        Access: admins.

        Errors: 400 `validation_error`; 403 `permission_denied`; 404 `not_found`.
        """
        policy_type = self._get(request, type_id)
        data = s.PolicyTypeUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.policy_type_update(policy_type=policy_type, data=data.validated_data, updated_by=request.user)
        return Response(s.PolicyTypeDetailOutputSerializer(self._get(request, type_id)).data)


class ReviewsMixin:
    filter_backends = ()  # newest first, paged; no search or ordering

    def _reviews_response(self, request, policy_type: PolicyType):
        page = self.paginate_queryset(selectors.reviews_of(policy_type))
        return self.get_paginated_response(s.ReviewOutputSerializer(page, many=True).data)

    def _create_review(self, request, policy_type: PolicyType):
        self.check_object_permissions(request, policy_type)
        data = s.ReviewInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review = services.review_create(customer=request.user, policy_type=policy_type, **data.validated_data)
        return Response(s.ReviewOutputSerializer(review).data, status=status.HTTP_201_CREATED)


class PolicyTypeReviewsApi(ReviewsMixin, generics.GenericAPIView):
    permission_classes = [permissions.CatalogueReadOrManage]
    serializer_class = s.ReviewOutputSerializer
    queryset = PolicyReview.objects.none()  # for the schema: the handlers read through the selectors

    def get_permissions(self):
        if self.request.method == "POST":
            return [permissions.ReviewsProducts()]
        return super().get_permissions()

    @extend_schema(responses={200: s.ReviewOutputSerializer(many=True)}, tags=["catalogue"])
    def get(self, request, type_id):
        """List a product's reviews.

        Newest first, paged by number: rating (1-5), text, and the reviewer as a first name and initial.

        Access: anyone, without signing in.

        Errors: 404 `not_found`.
        """
        return self._reviews_response(request, get_object_or_404(PolicyType, pk=type_id))

    @extend_schema(request=s.ReviewInputSerializer, responses={201: s.ReviewOutputSerializer}, tags=["catalogue"])
    def post(self, request, type_id):
        """Review a product.

        A `rating` (1-5) and a `text`, once per product, by a customer who holds or held a policy of
        it.

        Access: customers.

        Errors: 400 `validation_error`; 403 `customers_only`, `not_a_policyholder`; 404 `not_found` (no
        such product on sale); 409 `already_reviewed`.
        """
        return self._create_review(request, get_object_or_404(PolicyType, pk=type_id, active=True))


class PolicyListApi(generics.ListAPIView):
    serializer_class = s.PolicyOutputSerializer
    filterset_fields = ["status", "customer", "vehicle", "payment_plan", "policy_type__category"]
    search_fields = ["policy_number"]
    # The registration is sealed: a whole one (any case, spaces or dashes) matches its blind index.
    blind_index_search = {"vehicle__registration_hash": "registration"}
    ordering_fields = ["created_at", "start_date", "end_date", "premium"]

    def blind_index_term(self, purpose, term):
        return normalise_registration(term)

    def get_queryset(self):
        return selectors.policies_visible_to(self.request.user)

    @extend_schema(tags=["policies"])
    def get(self, request, *args, **kwargs):
        """List the policies the caller may see.

        Paged by number. Filters: `status`, `customer`, `vehicle`, `payment_plan`,
        `policy_type__category`; `search` in policy number, or a whole registration (sealed: matched
        exactly by its blind index, never in part); `ordering` by
        `created_at`, `start_date`, `end_date` or `premium`.

        Access: customers see their own policies (quotes included); agents, supervisors and admins
        all; assessors those of the claims assigned to them.

        Errors: 400 `validation_error` (a malformed filter value).
        """
        return super().get(request, *args, **kwargs)


class QuoteApi(APIView):
    @extend_schema(request=s.QuoteInputSerializer, responses={201: s.PolicyOutputSerializer}, tags=["policies"])
    def post(self, request):
        """Get a quote for a product.

        Prices `policy_type` for the customer: a motor product needs the customer's `vehicle` (its
        estimated value is the sum insured unless `sum_insured` is given), others a `sum_insured`; with
        `start_date` (default today), `payment_plan` (annual, quarterly, monthly) and `addons`. The
        answer (201) is a policy in status `quote` with its premium and price breakdown, valid for 30
        days; accept it with `POST /api/policies/{id}/accept/`.

        Access: customers, for themselves; staff and admins for a customer named in `customer`.

        Errors: 400 `validation_error`, `customer_required` (staff did not name the customer),
        `vehicle_required`, `vehicle_not_owned`, `sum_insured_required`, `start_in_past`; 404
        `not_found` (the product, the vehicle, or a customer naming someone else); 409
        `product_unavailable` (not on sale).
        """
        data = s.QuoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        customer_id = values.pop("customer", None)
        customer = customer_acted_for(
            user=request.user,
            customer_id=customer_id,
            missing_code="customer_required",
            missing_message="Staff must name the customer being quoted.",
        )
        policy_type = get_object_or_404(
            PolicyType.objects.select_related("company", "category"), pk=values.pop("policy_type")
        )
        vehicle_id = values.pop("vehicle", None)
        vehicle = get_object_or_404(vehicles_visible_to(request.user), pk=vehicle_id) if vehicle_id else None
        policy = services.policy_quote_create(
            customer=customer, policy_type=policy_type, vehicle=vehicle, created_by=request.user, **values
        )
        return Response(s.PolicyOutputSerializer(policy).data, status=status.HTTP_201_CREATED)


class PolicyDetailApi(APIView):
    @extend_schema(responses={200: s.PolicyOutputSerializer}, tags=["policies"])
    def get(self, request, policy_id):
        """Show a policy.

        Access: its customer; staff and admins.

        Errors: 404 `not_found`.
        """
        return Response(
            s.PolicyOutputSerializer(get_object_or_404(selectors.policies_visible_to(request.user), pk=policy_id)).data
        )


class PolicyActionApi(APIView):
    """accept / cancel / renew: the customer's own policy, or staff on their behalf."""

    permission_classes = [permissions.ChangesPolicies]
    action = ""

    def _policy(self, request, policy_id):
        policy = get_object_or_404(selectors.policies_visible_to(request.user), pk=policy_id)
        self.check_object_permissions(request, policy)
        return policy


class PolicyAcceptApi(PolicyActionApi):
    @extend_schema(request=None, responses={200: s.PolicyOutputSerializer}, tags=["policies"])
    def post(self, request, policy_id):
        """Accept a quote.

        The quote becomes `pending_payment` and its instalment schedule is made (one payment, or
        quarterly or monthly instalments); the policy turns `active` when the first payment succeeds.

        Access: the customer; agents, supervisors and admins on their behalf.

        Errors: 403 `permission_denied` (assessors); 404 `not_found`; 409 `illegal_transition` (not a
        quote; `current_status` and `allowed_from` say why); 409 `quote_expired`; 409
        `overlapping_policy` (the vehicle already has a policy in this category for overlapping dates).
        """
        policy = services.policy_accept(policy=self._policy(request, policy_id), accepted_by=request.user)
        return Response(s.PolicyOutputSerializer(selectors.policies_visible_to(request.user).get(pk=policy.pk)).data)


class PolicyCancelApi(PolicyActionApi):
    @extend_schema(request=s.ReasonInputSerializer, responses={200: s.PolicyOutputSerializer}, tags=["policies"])
    def post(self, request, policy_id):
        """Cancel a policy.

        A quote, a policy awaiting payment or an active policy is cancelled with a `reason`; the time is
        recorded. The pro-rata refund of what was paid (shown beforehand by `GET
        /api/policies/{id}/cancellation-quote/`) is asked for in the same transaction, one refund per
        payment, for staff to decide.

        Access: the customer; agents, supervisors and admins on their behalf.

        Errors: 400 `validation_error` (no `reason`); 403 `permission_denied` (assessors); 404
        `not_found`; 409 `illegal_transition` (already cancelled, lapsed or expired).
        """
        policy = self._policy(request, policy_id)
        data = s.ReasonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        policy = services.policy_cancel(policy=policy, cancelled_by=request.user, reason=data.validated_data["reason"])
        return Response(s.PolicyOutputSerializer(policy).data)


class PolicyRenewApi(PolicyActionApi):
    @extend_schema(request=None, responses={201: s.PolicyOutputSerializer}, tags=["policies"])
    def post(self, request, policy_id):
        """Renew a policy.

        Makes a new quote (201) for the same product, vehicle, plan and add-ons, starting the day after
        this policy ends (or today), priced at today's rules; accept it as any quote. Renewal opens 60
        days before an active policy's end date; an expired policy may be renewed at any time.

        Access: the customer; agents, supervisors and admins on their behalf.

        Errors: 403 `permission_denied` (assessors); 404 `not_found`; 409 `illegal_transition` (neither
        active nor expired), `too_early_to_renew`, `already_renewed`, `product_unavailable`.
        """
        renewal = services.policy_renew(policy=self._policy(request, policy_id), renewed_by=request.user)
        return Response(s.PolicyOutputSerializer(renewal).data, status=status.HTTP_201_CREATED)


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"  # personal data: never kept by a shared cache
    return response


class PolicyScheduleApi(APIView):
    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY}, tags=["policies"])
    def get(self, request, policy_id):
        """Download the policy schedule (PDF).

        Made now from the policy: the insurer, the product, the policyholder, the vehicle, the period,
        the sum insured, the premium and its breakdown, the add-ons and the instalment plan. Each
        download is audited.

        Access: its customer; staff as they may see the policy (assessors: the policies of their
        claims).

        Errors: 404 `not_found`.
        """
        policy = get_object_or_404(selectors.policies_visible_to(request.user), pk=policy_id)
        data = documents.policy_schedule_issue(policy=policy, downloaded_by=request.user)
        return _pdf(data, f"{policy.policy_number}-schedule.pdf")


class PolicyCertificateApi(APIView):
    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY}, tags=["policies"])
    def get(self, request, policy_id):
        """Download the certificate of insurance (PDF).

        For an active motor policy: the insurer's certificate number (given when the policy turned
        active), the vehicle's registration, the period of cover and the insurer. Each download is
        audited.

        Access: its customer; staff as they may see the policy.

        Errors: 404 `not_found`; 409 `no_certificate` (not a motor policy, or not active).
        """
        policy = get_object_or_404(selectors.policies_visible_to(request.user), pk=policy_id)
        data = documents.policy_certificate_issue(policy=policy, downloaded_by=request.user)
        return _pdf(data, f"{policy.certificate_number}.pdf")


class PolicyHistoryApi(APIView):
    @extend_schema(responses={200: s.StageOutputSerializer(many=True)}, tags=["policies"])
    def get(self, request, policy_id):
        """Show a policy's history.

        Every status it went through (quote, pending payment, active, ...), when it entered and left each,
        who moved it and why.

        Access: its customer; staff and admins.

        Errors: 404 `not_found`.
        """
        policy = get_object_or_404(selectors.policies_visible_to(request.user), pk=policy_id)
        return Response(s.StageOutputSerializer(stages_for(policy), many=True).data)


class PolicyReviewsApi(ReviewsMixin, generics.GenericAPIView):
    """Reviews of the product this policy is for; its holder may add theirs."""

    permission_classes = [permissions.ReviewsProducts]  # asked of POST only
    serializer_class = s.ReviewOutputSerializer
    queryset = PolicyReview.objects.none()  # for the schema: the handlers read through the selectors

    @extend_schema(responses={200: s.ReviewOutputSerializer(many=True)}, tags=["policies"])
    def get(self, request, policy_id):
        """List the reviews of a policy's product.

        As `GET /api/policy-types/{type_id}/reviews/`, for the product this policy is for.

        Access: whoever may see the policy.

        Errors: 404 `not_found`.
        """
        policy = get_object_or_404(selectors.policies_visible_to(request.user), pk=policy_id)
        return self._reviews_response(request, policy.policy_type)

    @extend_schema(request=s.ReviewInputSerializer, responses={201: s.ReviewOutputSerializer}, tags=["policies"])
    def post(self, request, policy_id):
        """Review the product of your policy.

        A `rating` (1-5) and a `text`, once per product.

        Access: the customer who holds the policy.

        Errors: 400 `validation_error`; 403 `customers_only`; 404 `not_found`; 409 `already_reviewed`.
        """
        policy = get_object_or_404(selectors.policies_visible_to(request.user), pk=policy_id)
        return self._create_review(request, policy.policy_type)
