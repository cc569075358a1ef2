"""Factories for the test suite (factory_boy)."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission

from accounts.models import Membership, Organisation, User

PASSWORD = "correct-horse-battery-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    name_ko = factory.Sequence(lambda n: f"교육생{n}")
    name_en = factory.Sequence(lambda n: f"Trainee {chr(65 + n % 26)}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """A verified primary e-mail unless ``verified=False``."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class StaffUserFactory(UserFactory):
    """Someone who may open the Wagtail admin (as instructors and managers can)."""

    @factory.post_generation
    def admin_access(obj, create, extracted, **kwargs):
        if create:
            group, _ = Group.objects.get_or_create(name="Test staff")
            group.permissions.add(
                Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
            )
            obj.groups.add(group)


class AdminUserFactory(UserFactory):
    is_superuser = True
    is_staff = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_ko = factory.Sequence(lambda n: f"드론기업{n}")
    name_en = factory.Sequence(lambda n: f"Drone Company {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.EMPLOYEE
