import factory
from factory.django import DjangoModelFactory

from people import services
from people.models import OrgUnit, User


class OrgUnitFactory(DjangoModelFactory):
    """Units go through ``unit_create`` so their groups exist, as in production."""

    class Meta:
        model = OrgUnit

    name = factory.Sequence(lambda n: f"Enhet {n}")
    code = factory.Sequence(lambda n: f"U{n:04d}")
    kind = OrgUnit.Kind.AGENCY
    parent = None

    @classmethod
    def _create(cls, model_class, *, parent=None, **kwargs):
        if parent is not None and kwargs.get("kind") == OrgUnit.Kind.AGENCY:
            kwargs["kind"] = OrgUnit.Kind.DEPARTMENT if parent.is_root() else OrgUnit.Kind.SECTION
        return services.unit_create(parent=parent, **kwargs)


class UserFactory(DjangoModelFactory):
    """An employee with a real name and workplace (so they may write)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    full_name = factory.Faker("name", locale="no_NO")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.no")
    title = "Saksbehandler"
    unit = factory.SubFactory(OrgUnitFactory)

    @classmethod
    def _create(cls, model_class, *, unit=None, **kwargs):
        return services.person_create(unit=unit, password="pw", **kwargs)
