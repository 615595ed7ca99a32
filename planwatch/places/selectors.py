from .models import Area


def area_list(*, area_type: str | None = None, active_only: bool = True):
    qs = Area.objects.all()
    if active_only:
        qs = qs.active()
    if area_type:
        qs = qs.filter(area_type=area_type)
    return qs.select_related("parent")


def force_area() -> Area | None:
    return Area.objects.filter(area_type=Area.AreaType.FORCE).first()
